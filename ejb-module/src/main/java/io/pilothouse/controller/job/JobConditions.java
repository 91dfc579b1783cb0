package io.pilothouse.controller.job;

import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * A Job's terminal conditions as 1.32 writes them: {@code SuccessCriteriaMet} then {@code Complete}
 * for success, {@code FailureTarget} then {@code Failed} (with BackoffLimitExceeded or
 * DeadlineExceeded) for failure, the second once no pod of the Job is still running.
 */
final class JobConditions {

  static final String COMPLETE = "Complete";
  static final String FAILED = "Failed";
  static final String SUCCESS_CRITERIA_MET = "SuccessCriteriaMet";
  static final String FAILURE_TARGET = "FailureTarget";

  private JobConditions() {}

  static boolean isTrue(JobStatus status, String type) {
    return find(status, type) != null;
  }

  static JobCondition find(JobStatus status, String type) {
    if (status == null || status.getConditions() == null) {
      return null;
    }
    return status.getConditions().stream()
        .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
        .findFirst()
        .orElse(null);
  }

  /** Whether the Job has finished (Complete or Failed). */
  static boolean finished(JobStatus status) {
    return isTrue(status, COMPLETE) || isTrue(status, FAILED);
  }

  /** Adds a true condition unless already there. */
  static void add(JobStatus status, String type, String reason, String message, String now) {
    if (isTrue(status, type)) {
      return;
    }
    List<JobCondition> list =
        status.getConditions() == null
            ? new ArrayList<>()
            : new ArrayList<>(status.getConditions());
    list.removeIf(c -> type.equals(c.getType()));
    list.add(
        new JobConditionBuilder()
            .withType(type)
            .withStatus("True")
            .withReason(reason)
            .withMessage(message)
            .withLastProbeTime(now)
            .withLastTransitionTime(now)
            .build());
    status.setConditions(list);
  }
}
