package io.pilothouse.controller.deployment;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.pilothouse.controller.SyncResult;
import io.pilothouse.controller.util.OwnerRefs;
import io.pilothouse.controller.util.PodStates;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Upstream's {@code rolloutRecreate}: scale every old ReplicaSet to zero, wait until none of their
 * pods is left running, then create (or scale up) the new ReplicaSet to the wanted replicas.
 */
final class Recreate {

  /** Pod deletions are not routed to Deployments: while old pods run, look again this soon. */
  static final Duration POLL = Duration.ofSeconds(1);

  private Recreate() {}

  static SyncResult rollout(Rollout r) {
    NewReplicaSets.ensure(r, false, 0);
    boolean scaledDown = false;
    for (ReplicaSet rs : r.activeOld()) {
      scaledDown |= r.scale(rs, 0);
    }
    if (scaledDown) {
      RolloutStatus.sync(r, true);
      return SyncResult.after(POLL);
    }
    if (oldPodsRunning(r)) {
      RolloutStatus.sync(r, true);
      return SyncResult.after(POLL);
    }
    int wanted = Rollouts.replicas(r.deployment);
    NewReplicaSets.ensure(r, true, wanted);
    r.scale(r.newRS, wanted);
    SyncResult result = RolloutStatus.sync(r, true);
    if (RolloutStatus.complete(r.deployment, r.deployment.getStatus())) {
      HistoryCleanup.cleanup(r);
    }
    return result;
  }

  private static boolean oldPodsRunning(Rollout r) {
    if (Rollouts.statusReplicas(r.oldRSs) > 0) {
      return true;
    }
    Set<String> oldUids =
        r.oldRSs.stream().map(rs -> rs.getMetadata().getUid()).collect(Collectors.toSet());
    if (oldUids.isEmpty()) {
      return false;
    }
    return r
        .context
        .client()
        .list(Pod.class, r.deployment.getMetadata().getNamespace(), null, null)
        .stream()
        .filter(p -> !PodStates.isTerminal(p))
        .anyMatch(
            p ->
                OwnerRefs.controllerOf(p).map(ref -> oldUids.contains(ref.getUid())).orElse(false));
  }
}
