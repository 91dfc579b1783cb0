package io.pilothouse.controller.deployment;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.pilothouse.api.StatusException;
import io.pilothouse.controller.util.Conflicts;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's {@code cleanupDeployment}: keeps at most {@code revisionHistoryLimit} old ReplicaSets
 * that are scaled to zero and empty, deleting the lowest revisions first.
 */
final class HistoryCleanup {

  private HistoryCleanup() {}

  static void cleanup(Rollout r) {
    Integer limit = r.deployment.getSpec().getRevisionHistoryLimit();
    if (limit == null) {
      return;
    }
    List<ReplicaSet> cleanable = new ArrayList<>();
    for (ReplicaSet rs : r.oldRSs) {
      if (rs.getMetadata().getDeletionTimestamp() == null) {
        cleanable.add(rs);
      }
    }
    int diff = cleanable.size() - limit;
    if (diff <= 0) {
      return;
    }
    cleanable.sort(Rollouts.BY_REVISION);
    for (int i = 0; i < diff; i++) {
      ReplicaSet rs = cleanable.get(i);
      boolean busy =
          Rollouts.statusReplicas(List.of(rs)) != 0
              || Rollouts.replicas(rs) != 0
              || rs.getStatus() == null
              || rs.getMetadata().getGeneration() > value(rs.getStatus().getObservedGeneration());
      if (busy) {
        continue;
      }
      try {
        r.context
            .client()
            .delete(
                ReplicaSet.class,
                rs.getMetadata().getNamespace(),
                rs.getMetadata().getName(),
                null,
                rs.getMetadata().getUid(),
                null);
      } catch (StatusException e) {
        if (!Conflicts.isRace(e)) {
          throw e;
        }
      }
    }
  }

  private static long value(Long v) {
    return v == null ? 0 : v;
  }
}
