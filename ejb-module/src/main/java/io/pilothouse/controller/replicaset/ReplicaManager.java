package io.pilothouse.controller.replicaset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.util.Expectations;
import io.pilothouse.controller.util.PodControl;
import io.pilothouse.controller.util.SlowStartBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's {@code manageReplicas} for one ReplicaSet: creates the missing pods (at most {@link
 * #BURST_REPLICAS} per sync, in slow-start batches) or deletes the surplus in {@link
 * ActivePodsRanking} order, recording expectations and the SuccessfulCreate / SuccessfulDelete (or
 * FailedCreate / FailedDelete) events.
 */
final class ReplicaManager {

  /** Upstream's {@code BurstReplicas}. */
  static final int BURST_REPLICAS = 500;

  private final ControllerContext context;
  private final Expectations expectations;
  private final ControllerKey key;
  private final ReplicaSet rs;

  ReplicaManager(
      ControllerContext context, Expectations expectations, ControllerKey key, ReplicaSet rs) {
    this.context = context;
    this.expectations = expectations;
    this.key = key;
    this.rs = rs;
  }

  /** Creates or deletes pods; returns the active pods afterwards. */
  List<Pod> manage(List<Pod> active) {
    int diff = active.size() - ReplicaSetStatusCalculator.replicas(rs);
    if (diff < 0) {
      return create(active, Math.min(-diff, BURST_REPLICAS));
    }
    if (diff > 0) {
      return delete(active, Math.min(diff, BURST_REPLICAS));
    }
    return active;
  }

  /** Creates in {@link SlowStartBatch slow-start batches}, as upstream. */
  private List<Pod> create(List<Pod> active, int count) {
    List<Pod> result = new ArrayList<>(active);
    PodControl pods = new PodControl(context, rs, ReplicaSetController.NAME);
    SlowStartBatch.Outcome<Pod> outcome =
        SlowStartBatch.run(
            count, context.executor(), () -> pods.create(rs.getSpec().getTemplate()));
    result.addAll(outcome.results());
    expectations.expectCreations(
        key, outcome.results().stream().map(p -> p.getMetadata().getName()).toList());
    if (outcome.failure() != null) {
      throw outcome.failure();
    }
    return result;
  }

  private List<Pod> delete(List<Pod> active, int count) {
    List<Pod> ranked = new ArrayList<>(active);
    ranked.sort(ActivePodsRanking.INSTANCE);
    List<String> deleted = new ArrayList<>();
    PodControl pods = new PodControl(context, rs, ReplicaSetController.NAME);
    try {
      for (Pod pod : ranked.subList(0, count)) {
        pods.delete(pod);
        deleted.add(pod.getMetadata().getName());
      }
    } finally {
      expectations.expectDeletions(key, deleted);
    }
    return new ArrayList<>(ranked.subList(count, ranked.size()));
  }
}
