package io.pilothouse.controller.replicaset;

import io.fabric8.kubernetes.api.model.Pod;
import io.pilothouse.controller.util.PodStates;
import java.time.Instant;
import java.util.Comparator;

/**
 * Upstream's {@code ActivePods} order, the order in which a ReplicaSet deletes surplus pods: not
 * yet scheduled before scheduled, Pending before Unknown before Running, not ready before ready,
 * ready for less time before longer, more restarts before fewer, newer before older.
 */
final class ActivePodsRanking implements Comparator<Pod> {

  static final ActivePodsRanking INSTANCE = new ActivePodsRanking();

  @Override
  public int compare(Pod a, Pod b) {
    int c = Boolean.compare(scheduled(a), scheduled(b));
    if (c != 0) {
      return c;
    }
    c = Integer.compare(phaseRank(a), phaseRank(b));
    if (c != 0) {
      return c;
    }
    c = Boolean.compare(PodStates.isReady(a), PodStates.isReady(b));
    if (c != 0) {
      return c;
    }
    if (PodStates.isReady(a)) {
      c = compareDesc(PodStates.readySince(a), PodStates.readySince(b));
      if (c != 0) {
        return c;
      }
    }
    c = Integer.compare(PodStates.restarts(b), PodStates.restarts(a));
    if (c != 0) {
      return c;
    }
    return compareDesc(created(a), created(b));
  }

  private static boolean scheduled(Pod pod) {
    return pod.getSpec() != null
        && pod.getSpec().getNodeName() != null
        && !pod.getSpec().getNodeName().isEmpty();
  }

  private static int phaseRank(Pod pod) {
    return switch (PodStates.phase(pod)) {
      case "Pending" -> 0;
      case "Unknown" -> 1;
      case "Running" -> 2;
      default -> 3;
    };
  }

  private static Instant created(Pod pod) {
    String at = pod.getMetadata().getCreationTimestamp();
    return at == null ? null : Instant.parse(at);
  }

  /** Later first; an unknown time counts as latest. */
  private static int compareDesc(Instant a, Instant b) {
    if (a == null || b == null) {
      return a == b ? 0 : (a == null ? -1 : 1);
    }
    return b.compareTo(a);
  }
}
