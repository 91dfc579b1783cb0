package io.pilothouse.scheduler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Builds the {@code PodScheduled=False} condition of a pod that could not be scheduled, and tells
 * whether the pod already carries the very same one (then nothing needs to be written).
 */
final class PodScheduledCondition {

  static final String TYPE = "PodScheduled";

  /** Upstream's {@code v1.PodReasonUnschedulable}. */
  static final String REASON_UNSCHEDULABLE = "Unschedulable";

  /** Upstream's {@code v1.PodReasonSchedulerError}. */
  static final String REASON_SCHEDULER_ERROR = "SchedulerError";

  private PodScheduledCondition() {}

  /** The current PodScheduled condition of the pod, or null. */
  static PodCondition current(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return null;
    }
    for (PodCondition condition : pod.getStatus().getConditions()) {
      if (condition != null && TYPE.equals(condition.getType())) {
        return condition;
      }
    }
    return null;
  }

  /** The condition to write, or null if the pod already has it. */
  static PodCondition changed(Pod pod, String reason, String message, Instant now) {
    PodCondition current = current(pod);
    if (current != null
        && "False".equals(current.getStatus())
        && reason.equals(current.getReason())
        && message.equals(current.getMessage())) {
      return null;
    }
    String transition =
        current != null
                && "False".equals(current.getStatus())
                && current.getLastTransitionTime() != null
            ? current.getLastTransitionTime()
            : now.truncatedTo(ChronoUnit.SECONDS).toString();
    return new PodConditionBuilder()
        .withType(TYPE)
        .withStatus("False")
        .withReason(reason)
        .withMessage(message)
        .withLastTransitionTime(transition)
        .build();
  }
}
