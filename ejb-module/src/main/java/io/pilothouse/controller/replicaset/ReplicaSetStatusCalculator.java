package io.pilothouse.controller.replicaset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.pilothouse.controller.util.PodStates;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Upstream's {@code calculateStatus}: replicas counts the active pods the ReplicaSet controls,
 * fullyLabeledReplicas those carrying every template label, readyReplicas the ready ones and
 * availableReplicas those ready for minReadySeconds; observedGeneration records the spec seen.
 */
final class ReplicaSetStatusCalculator {

  private ReplicaSetStatusCalculator() {}

  static ReplicaSetStatus calculate(ReplicaSet rs, List<Pod> activePods, Instant now) {
    Map<String, String> templateLabels =
        rs.getSpec().getTemplate().getMetadata() == null
            ? Map.of()
            : rs.getSpec().getTemplate().getMetadata().getLabels();
    int minReady = minReadySeconds(rs);
    int fullyLabeled = 0;
    int ready = 0;
    int available = 0;
    for (Pod pod : activePods) {
      Map<String, String> labels = pod.getMetadata().getLabels();
      if (templateLabels == null
          || templateLabels.isEmpty()
          || (labels != null && labels.entrySet().containsAll(templateLabels.entrySet()))) {
        fullyLabeled++;
      }
      if (PodStates.isReady(pod)) {
        ready++;
        if (PodStates.isAvailable(pod, minReady, now)) {
          available++;
        }
      }
    }
    ReplicaSetStatus old = rs.getStatus();
    return new ReplicaSetStatusBuilder()
        .withReplicas(activePods.size())
        .withFullyLabeledReplicas(fullyLabeled)
        .withReadyReplicas(ready)
        .withAvailableReplicas(available)
        .withObservedGeneration(rs.getMetadata().getGeneration())
        .withConditions(old == null ? null : old.getConditions())
        .build();
  }

  static int minReadySeconds(ReplicaSet rs) {
    Integer value = rs.getSpec().getMinReadySeconds();
    return value == null ? 0 : value;
  }

  static int replicas(ReplicaSet rs) {
    Integer value = rs.getSpec().getReplicas();
    return value == null ? 1 : value;
  }
}
