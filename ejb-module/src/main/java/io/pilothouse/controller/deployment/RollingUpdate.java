package io.pilothouse.controller.deployment;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.pilothouse.controller.SyncResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's {@code rolloutRolling}: scale the new ReplicaSet up as far as maxSurge allows, else
 * scale old ones down as far as maxUnavailable allows (unhealthy pods first), else, once complete,
 * clean up old revisions; one step per sync, the next sync triggered by the ReplicaSets' changes.
 */
final class RollingUpdate {

  private RollingUpdate() {}

  static SyncResult rollout(Rollout r) {
    NewReplicaSets.ensure(r, true, newReplicas(r));
    if (reconcileNew(r)) {
      return RolloutStatus.sync(r, true);
    }
    if (reconcileOld(r)) {
      return RolloutStatus.sync(r, true);
    }
    SyncResult result = RolloutStatus.sync(r, true);
    if (RolloutStatus.complete(r.deployment, r.deployment.getStatus())) {
      HistoryCleanup.cleanup(r);
    }
    return result;
  }

  /** Upstream's {@code NewRSNewReplicas} for RollingUpdate. */
  static int newReplicas(Rollout r) {
    int wanted = Rollouts.replicas(r.deployment);
    int current = r.newRS == null ? 0 : Rollouts.replicas(r.newRS);
    int total = Rollouts.specReplicas(r.all());
    int maxTotal = wanted + r.fenceposts().maxSurge();
    if (total >= maxTotal) {
      return current;
    }
    return current + Math.max(0, Math.min(maxTotal - total, wanted - current));
  }

  private static boolean reconcileNew(Rollout r) {
    int wanted = Rollouts.replicas(r.deployment);
    int current = Rollouts.replicas(r.newRS);
    if (current == wanted) {
      return false;
    }
    if (current > wanted) {
      return r.scale(r.newRS, wanted);
    }
    return r.scale(r.newRS, newReplicas(r));
  }

  private static boolean reconcileOld(Rollout r) {
    if (Rollouts.specReplicas(r.oldRSs) == 0) {
      return false;
    }
    int wanted = Rollouts.replicas(r.deployment);
    int minAvailable = wanted - r.fenceposts().maxUnavailable();
    int newUnavailable = Rollouts.replicas(r.newRS) - Rollouts.available(r.newRS);
    int maxScaledDown = Rollouts.specReplicas(r.all()) - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) {
      return false;
    }
    int cleaned = cleanupUnhealthy(r, maxScaledDown);
    int scaled = scaleDownOld(r, minAvailable);
    return cleaned + scaled > 0;
  }

  /** Old ReplicaSets lose their unavailable pods first, oldest set first. */
  private static int cleanupUnhealthy(Rollout r, int maxCleanup) {
    int total = 0;
    for (ReplicaSet rs : sortedOld(r)) {
      if (total >= maxCleanup) {
        break;
      }
      int replicas = Rollouts.replicas(rs);
      int unhealthy = replicas - Rollouts.available(rs);
      if (replicas == 0 || unhealthy <= 0) {
        continue;
      }
      int down = Math.min(maxCleanup - total, unhealthy);
      r.scale(rs, replicas - down);
      total += down;
    }
    return total;
  }

  /** Then available old pods, as long as minAvailable stays available. */
  private static int scaleDownOld(Rollout r, int minAvailable) {
    int available = Rollouts.available(r.all());
    if (available <= minAvailable) {
      return 0;
    }
    int budget = available - minAvailable;
    int total = 0;
    for (ReplicaSet rs : sortedOld(r)) {
      if (total >= budget) {
        break;
      }
      int replicas = Rollouts.replicas(rs);
      if (replicas == 0) {
        continue;
      }
      int down = Math.min(replicas, budget - total);
      r.scale(rs, replicas - down);
      total += down;
    }
    return total;
  }

  private static List<ReplicaSet> sortedOld(Rollout r) {
    List<ReplicaSet> sorted = new ArrayList<>(r.oldRSs);
    sorted.sort(Rollouts.BY_CREATION);
    return sorted;
  }
}
