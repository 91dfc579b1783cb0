package io.pilothouse.scheduler.spi;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * Records the scheduler's {@code core/v1} Events about a pod, as upstream's event recorder
 * (reportingController {@code default-scheduler}, action {@code Binding} / {@code Scheduling}).
 */
public interface SchedulerEvents {

  /** Normal event, reason {@code Scheduled}: "Successfully assigned ns/pod to node". */
  void scheduled(Pod pod, String nodeName, String message);

  /** Warning event, reason {@code FailedScheduling}: the FitError or the error's message. */
  void failedScheduling(Pod pod, String message);
}
