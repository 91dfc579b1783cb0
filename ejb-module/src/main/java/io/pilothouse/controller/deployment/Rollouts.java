package io.pilothouse.controller.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Readings of Deployments and their ReplicaSets shared by the rollout steps, as upstream's {@code
 * deploymentutil}: wanted replicas, the revision annotations, replica sums, and the orders old
 * ReplicaSets are scaled down and cleaned up in.
 */
final class Rollouts {

  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
  static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";

  /**
   * Deployment annotations not copied onto its ReplicaSets (upstream's {@code skipCopyAnnotation}).
   */
  static final List<String> NOT_COPIED =
      List.of(
          "kubectl.kubernetes.io/last-applied-configuration",
          REVISION,
          "deployment.kubernetes.io/revision-history",
          DESIRED_REPLICAS,
          MAX_REPLICAS,
          "deprecated.deployment.rollback.to");

  /** Oldest first, then by name (upstream's {@code ReplicaSetsByCreationTimestamp}). */
  static final Comparator<ReplicaSet> BY_CREATION =
      Comparator.comparing(
              (ReplicaSet rs) -> String.valueOf(rs.getMetadata().getCreationTimestamp()))
          .thenComparing(rs -> rs.getMetadata().getName());

  /** Lowest revision first (upstream's {@code ReplicaSetsByRevision}). */
  static final Comparator<ReplicaSet> BY_REVISION =
      Comparator.comparingLong(Rollouts::revision).thenComparing(BY_CREATION);

  private Rollouts() {}

  static int replicas(Deployment d) {
    Integer r = d.getSpec().getReplicas();
    return r == null ? 1 : r;
  }

  static int replicas(ReplicaSet rs) {
    Integer r = rs.getSpec().getReplicas();
    return r == null ? 0 : r;
  }

  static String strategyType(Deployment d) {
    return d.getSpec().getStrategy() == null || d.getSpec().getStrategy().getType() == null
        ? "RollingUpdate"
        : d.getSpec().getStrategy().getType();
  }

  static int minReadySeconds(Deployment d) {
    Integer m = d.getSpec().getMinReadySeconds();
    return m == null ? 0 : m;
  }

  static long revision(ReplicaSet rs) {
    Map<String, String> a = rs.getMetadata().getAnnotations();
    String value = a == null ? null : a.get(REVISION);
    try {
      return value == null ? 0 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static long maxRevision(List<ReplicaSet> sets) {
    return sets.stream().mapToLong(Rollouts::revision).max().orElse(0);
  }

  /** The sum of {@code spec.replicas}. */
  static int specReplicas(List<ReplicaSet> sets) {
    return sets.stream().mapToInt(Rollouts::replicas).sum();
  }

  static int statusReplicas(List<ReplicaSet> sets) {
    return sets.stream().mapToInt(rs -> status(rs, "replicas")).sum();
  }

  static int ready(List<ReplicaSet> sets) {
    return sets.stream().mapToInt(rs -> status(rs, "ready")).sum();
  }

  static int available(List<ReplicaSet> sets) {
    return sets.stream().mapToInt(rs -> status(rs, "available")).sum();
  }

  static int available(ReplicaSet rs) {
    return status(rs, "available");
  }

  private static int status(ReplicaSet rs, String what) {
    if (rs == null || rs.getStatus() == null) {
      return 0;
    }
    Integer v =
        switch (what) {
          case "replicas" -> rs.getStatus().getReplicas();
          case "ready" -> rs.getStatus().getReadyReplicas();
          default -> rs.getStatus().getAvailableReplicas();
        };
    return v == null ? 0 : v;
  }
}
