package io.pilothouse.controller.deployment;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.pilothouse.api.StatusException;
import io.pilothouse.controller.util.Conflicts;
import io.pilothouse.controller.util.OwnerRefs;
import io.pilothouse.json.KubernetesJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Upstream's {@code getNewReplicaSet}: keeps the new ReplicaSet's revision (one past the old ones)
 * and annotations current, or creates it named {@code <deployment>-<pod-template-hash>} with the
 * hash in its labels, selector and template; a name taken by a different template bumps {@code
 * status.collisionCount} so the next hash differs. The Deployment carries its new ReplicaSet's
 * revision.
 */
final class NewReplicaSets {

  /** Thrown when the hash collided; the sync retries with the bumped collision count. */
  static final class HashCollision extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HashCollision(String name) {
      super("hash collision on ReplicaSet " + name);
    }
  }

  private NewReplicaSets() {}

  /** Ensures the new ReplicaSet when {@code create}, syncing revisions either way. */
  static void ensure(Rollout rollout, boolean create, int initialReplicas) {
    Deployment d = rollout.deployment;
    String revision = Long.toString(Rollouts.maxRevision(rollout.oldRSs) + 1);
    if (rollout.newRS != null) {
      syncExisting(rollout, revision);
    } else if (create) {
      rollout.newRS = createNew(rollout, revision, initialReplicas);
      Conditions.setProgressing(
          rollout,
          "True",
          "NewReplicaSetCreated",
          "Created new replica set \"" + rollout.newRS.getMetadata().getName() + "\"");
    } else {
      return;
    }
    String newRevision = rollout.newRS.getMetadata().getAnnotations().get(Rollouts.REVISION);
    Map<String, String> annotations = annotations(d.getMetadata().getAnnotations());
    if (!Objects.equals(annotations.get(Rollouts.REVISION), newRevision)) {
      // a metadata-only patch, guarded by the resourceVersion read: the spec is not rewritten
      String patch =
          KubernetesJson.mapper()
              .writeValueAsString(
                  Map.of(
                      "metadata",
                      Map.of(
                          "annotations", Map.of(Rollouts.REVISION, newRevision),
                          "resourceVersion", d.getMetadata().getResourceVersion())));
      Deployment written =
          rollout
              .context
              .client()
              .mergePatch(
                  Deployment.class,
                  d.getMetadata().getNamespace(),
                  d.getMetadata().getName(),
                  patch,
                  false);
      written.setStatus(d.getStatus());
      rollout.deployment = written;
    }
  }

  private static void syncExisting(Rollout rollout, String nextRevision) {
    ReplicaSet rs = rollout.newRS;
    Map<String, String> annotations = annotations(rs.getMetadata().getAnnotations());
    boolean changed = copyDeploymentAnnotations(rollout.deployment, annotations);
    long current = Rollouts.revision(rs);
    if (current < Long.parseLong(nextRevision)) {
      annotations.put(Rollouts.REVISION, nextRevision);
      changed = true;
    }
    Integer minReady = rollout.deployment.getSpec().getMinReadySeconds();
    if (!Objects.equals(rs.getSpec().getMinReadySeconds(), minReady)) {
      rs.getSpec().setMinReadySeconds(minReady);
      changed = true;
    }
    if (changed) {
      rs.getMetadata().setAnnotations(annotations);
      rollout.newRS = rollout.context.client().update(rs);
    }
  }

  private static ReplicaSet createNew(Rollout rollout, String revision, int replicas) {
    Deployment d = rollout.deployment;
    Integer collisions = d.getStatus() == null ? null : d.getStatus().getCollisionCount();
    String hash = TemplateHash.compute(d.getSpec().getTemplate(), collisions);
    PodTemplateSpec template =
        KubernetesJson.mapper().convertValue(d.getSpec().getTemplate(), PodTemplateSpec.class);
    if (template.getMetadata() == null) {
      template.setMetadata(new ObjectMeta());
    }
    template.getMetadata().setLabels(withHash(template.getMetadata().getLabels(), hash));
    LabelSelector selector =
        KubernetesJson.mapper().convertValue(d.getSpec().getSelector(), LabelSelector.class);
    selector.setMatchLabels(withHash(selector.getMatchLabels(), hash));
    Map<String, String> annotations = new HashMap<>();
    copyDeploymentAnnotations(d, annotations);
    annotations.put(Rollouts.REVISION, revision);
    int wanted = Rollouts.replicas(d);
    annotations.put(Rollouts.DESIRED_REPLICAS, Integer.toString(wanted));
    annotations.put(
        Rollouts.MAX_REPLICAS, Integer.toString(wanted + rollout.fenceposts().maxSurge()));
    String name = d.getMetadata().getName() + "-" + hash;
    ReplicaSet rs =
        new ReplicaSetBuilder()
            .withNewMetadata()
            .withNamespace(d.getMetadata().getNamespace())
            .withName(name)
            .withLabels(template.getMetadata().getLabels())
            .withAnnotations(annotations)
            .withOwnerReferences(List.of(OwnerRefs.controllerRef(d)))
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .withMinReadySeconds(d.getSpec().getMinReadySeconds())
            .withSelector(selector)
            .withTemplate(template)
            .endSpec()
            .build();
    try {
      ReplicaSet created = rollout.context.client().create(rs);
      if (replicas > 0) {
        rollout
            .context
            .events()
            .normal(
                d,
                DeploymentController.NAME,
                "ScalingReplicaSet",
                String.format("Scaled up replica set %s from 0 to %d", name, replicas));
      }
      return created;
    } catch (StatusException e) {
      if (!Conflicts.isAlreadyExists(e)) {
        throw e;
      }
      return adoptOrCollide(rollout, name);
    }
  }

  /** The name is taken: ours with the same template is fine, anything else is a collision. */
  private static ReplicaSet adoptOrCollide(Rollout rollout, String name) {
    Deployment d = rollout.deployment;
    ReplicaSet existing =
        rollout
            .context
            .client()
            .get(ReplicaSet.class, d.getMetadata().getNamespace(), name)
            .orElseThrow(() -> new HashCollision(name));
    if (OwnerRefs.isControlledBy(existing, d.getMetadata().getUid())
        && TemplateHash.equalIgnoreHash(
            existing.getSpec().getTemplate(), d.getSpec().getTemplate())) {
      return existing;
    }
    DeploymentStatus status = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    Integer count = status.getCollisionCount();
    status.setCollisionCount(count == null ? 1 : count + 1);
    d.setStatus(status);
    rollout.context.client().updateStatus(d);
    throw new HashCollision(name);
  }

  /**
   * Copies the Deployment's annotations (all but upstream's skipped ones); returns if any changed.
   */
  private static boolean copyDeploymentAnnotations(Deployment d, Map<String, String> target) {
    boolean changed = false;
    Map<String, String> source = d.getMetadata().getAnnotations();
    if (source == null) {
      return false;
    }
    for (Map.Entry<String, String> e : source.entrySet()) {
      if (!Rollouts.NOT_COPIED.contains(e.getKey())
          && !Objects.equals(target.get(e.getKey()), e.getValue())) {
        target.put(e.getKey(), e.getValue());
        changed = true;
      }
    }
    return changed;
  }

  private static Map<String, String> annotations(Map<String, String> existing) {
    return existing == null ? new HashMap<>() : new HashMap<>(existing);
  }

  private static Map<String, String> withHash(Map<String, String> labels, String hash) {
    Map<String, String> copy = labels == null ? new HashMap<>() : new HashMap<>(labels);
    copy.put(TemplateHash.LABEL, hash);
    return copy;
  }
}
