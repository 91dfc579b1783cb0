package io.pilothouse.scheduler.spi;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

/**
 * Writes the pod's {@code PodScheduled} condition through the pod's {@code status} subresource:
 * {@code False}, reason {@code Unschedulable} (no node fits; message is the FitError) or {@code
 * SchedulerError}. The scheduler calls it only when the condition actually changes, so retries of
 * an unschedulable pod do not rewrite the pod every few seconds.
 */
@FunctionalInterface
public interface PodConditionUpdater {

  void updatePodCondition(Pod pod, PodCondition condition);
}
