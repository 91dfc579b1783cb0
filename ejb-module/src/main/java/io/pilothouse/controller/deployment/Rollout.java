package io.pilothouse.controller.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.json.KubernetesJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One sync's view of a Deployment and the ReplicaSets it controls: which one runs the current
 * template (the new one) and which are old, and the one write every rollout step makes, {@link
 * #scale}, which also keeps the desired/max-replicas annotations and records ScalingReplicaSet.
 */
final class Rollout {

  final ControllerContext context;
  Deployment deployment;
  ReplicaSet newRS;
  final List<ReplicaSet> oldRSs;

  /** The status as stored when the sync began, to write only a changed one. */
  final DeploymentStatus stored;

  Rollout(ControllerContext context, Deployment deployment, List<ReplicaSet> owned) {
    this.context = context;
    this.deployment = deployment;
    this.stored =
        deployment.getStatus() == null
            ? null
            : KubernetesJson.mapper().convertValue(deployment.getStatus(), DeploymentStatus.class);
    List<ReplicaSet> sorted = new ArrayList<>(owned);
    sorted.sort(Rollouts.BY_CREATION);
    ReplicaSet current = null;
    for (ReplicaSet rs : sorted) {
      if (current == null
          && TemplateHash.equalIgnoreHash(
              rs.getSpec().getTemplate(), deployment.getSpec().getTemplate())) {
        current = rs;
      }
    }
    this.newRS = current;
    this.oldRSs = new ArrayList<>(sorted);
    this.oldRSs.remove(current);
  }

  /** The new ReplicaSet (if any) and the old ones. */
  List<ReplicaSet> all() {
    List<ReplicaSet> all = new ArrayList<>(oldRSs);
    if (newRS != null) {
      all.add(newRS);
    }
    return all;
  }

  /**
   * Old ReplicaSets that still have pods wanted or running (upstream's {@code
   * FilterActiveReplicaSets}).
   */
  List<ReplicaSet> activeOld() {
    return oldRSs.stream().filter(rs -> Rollouts.replicas(rs) > 0).toList();
  }

  Fenceposts fenceposts() {
    return Fenceposts.of(deployment);
  }

  /**
   * Upstream's {@code scaleReplicaSet}: sets the replicas and the desired/max annotations; returns
   * whether the replica count changed.
   */
  boolean scale(ReplicaSet rs, int replicas) {
    int old = Rollouts.replicas(rs);
    Map<String, String> annotations = new HashMap<>();
    if (rs.getMetadata().getAnnotations() != null) {
      annotations.putAll(rs.getMetadata().getAnnotations());
    }
    int wanted = Rollouts.replicas(deployment);
    annotations.put(Rollouts.DESIRED_REPLICAS, Integer.toString(wanted));
    annotations.put(Rollouts.MAX_REPLICAS, Integer.toString(wanted + fenceposts().maxSurge()));
    boolean sizeChanges = old != replicas;
    if (!sizeChanges && Objects.equals(annotations, rs.getMetadata().getAnnotations())) {
      return false;
    }
    rs.getMetadata().setAnnotations(annotations);
    rs.getSpec().setReplicas(replicas);
    ReplicaSet written = context.client().update(rs);
    replace(rs, written);
    if (sizeChanges) {
      context
          .events()
          .normal(
              deployment,
              DeploymentController.NAME,
              "ScalingReplicaSet",
              String.format(
                  "Scaled %s replica set %s from %d to %d",
                  replicas > old ? "up" : "down", rs.getMetadata().getName(), old, replicas));
    }
    return sizeChanges;
  }

  private void replace(ReplicaSet before, ReplicaSet after) {
    if (before == newRS) {
      newRS = after;
    } else {
      int i = oldRSs.indexOf(before);
      if (i >= 0) {
        oldRSs.set(i, after);
      }
    }
  }
}
