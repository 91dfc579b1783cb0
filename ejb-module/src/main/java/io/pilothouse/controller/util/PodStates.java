package io.pilothouse.controller.util;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Instant;
import java.util.Optional;

/**
 * Readings of a pod's state shared by the workload controllers, as upstream's {@code podutil}:
 * active (neither finished nor being deleted), ready, and available (ready for at least
 * minReadySeconds).
 */
public final class PodStates {

  private PodStates() {}

  public static String phase(Pod pod) {
    return pod.getStatus() == null || pod.getStatus().getPhase() == null
        ? "Pending"
        : pod.getStatus().getPhase();
  }

  public static boolean isTerminal(Pod pod) {
    String phase = phase(pod);
    return phase.equals("Succeeded") || phase.equals("Failed");
  }

  public static boolean isDeleting(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() != null;
  }

  /** Upstream's {@code IsPodActive}. */
  public static boolean isActive(Pod pod) {
    return !isTerminal(pod) && !isDeleting(pod);
  }

  public static Optional<PodCondition> readyCondition(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .findFirst();
  }

  public static boolean isReady(Pod pod) {
    return readyCondition(pod).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  /** When the pod last became ready, or null. */
  public static Instant readySince(Pod pod) {
    return readyCondition(pod)
        .filter(c -> "True".equals(c.getStatus()) && c.getLastTransitionTime() != null)
        .map(c -> Instant.parse(c.getLastTransitionTime()))
        .orElse(null);
  }

  /** Upstream's {@code IsPodAvailable}: ready, and for at least {@code minReadySeconds}. */
  public static boolean isAvailable(Pod pod, int minReadySeconds, Instant now) {
    if (!isReady(pod)) {
      return false;
    }
    if (minReadySeconds == 0) {
      return true;
    }
    Instant since = readySince(pod);
    return since != null && !since.plusSeconds(minReadySeconds).isAfter(now);
  }

  public static int restarts(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return 0;
    }
    return pod.getStatus().getContainerStatuses().stream()
        .mapToInt(s -> s.getRestartCount() == null ? 0 : s.getRestartCount())
        .sum();
  }
}
