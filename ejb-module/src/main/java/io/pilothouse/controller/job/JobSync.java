package io.pilothouse.controller.job;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.SyncResult;
import io.pilothouse.controller.util.Expectations;
import io.pilothouse.controller.util.PodControl;
import io.pilothouse.controller.util.PodStates;
import io.pilothouse.controller.util.Timestamps;
import io.pilothouse.json.KubernetesJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One sync of one unfinished Job, as upstream's {@code syncJob}: counts its pods (succeeded and
 * failed never go down, even when finished pods are removed), decides whether the Job has failed
 * (backoff limit, active deadline) or completed, otherwise creates or deletes pods to run {@code
 * min(parallelism, completions - succeeded)} at once; then writes the status.
 */
final class JobSync {

  /** While finished pods still terminate, look again this soon to write the final condition. */
  static final Duration POLL = Duration.ofSeconds(1);

  private final ControllerContext context;
  private final Job job;
  private final List<Pod> pods;
  private final Expectations expectations;
  private final ControllerKey key;
  private final JobStatus status;
  private final PodControl control;

  JobSync(
      ControllerContext context,
      Job job,
      List<Pod> pods,
      Expectations expectations,
      ControllerKey key) {
    this.context = context;
    this.job = job;
    this.pods = pods;
    this.expectations = expectations;
    this.key = key;
    this.status =
        job.getStatus() == null
            ? new JobStatus()
            : KubernetesJson.mapper().convertValue(job.getStatus(), JobStatus.class);
    this.control = new PodControl(context, job, JobController.NAME);
  }

  SyncResult run(boolean expectationsSatisfied) {
    Instant now = context.clock().instant();
    String stamp = Timestamps.format(now);
    if (status.getStartTime() == null) {
      status.setStartTime(stamp);
    }
    List<Pod> active = new ArrayList<>(pods.stream().filter(PodStates::isActive).toList());
    int succeeded = Math.max(value(status.getSucceeded()), count("Succeeded"));
    int failed = Math.max(value(status.getFailed()), count("Failed"));
    status.setSucceeded(succeeded);
    status.setFailed(failed);
    SyncResult result = SyncResult.DONE;
    String failure = failureReason(failed, active, now);
    if (failure != null) {
      result = finish(active, false, failure, stamp);
    } else if (complete(succeeded, active)) {
      result = finish(active, true, null, stamp);
    } else if (expectationsSatisfied) {
      active = manage(active, succeeded);
      result = deadlineRecheck(now);
    } else {
      result = SyncResult.RETRY;
    }
    status.setActive(active.size());
    status.setReady((int) active.stream().filter(PodStates::isReady).count());
    status.setTerminating(
        (int)
            pods.stream().filter(p -> PodStates.isDeleting(p) && !PodStates.isTerminal(p)).count());
    if (!Objects.equals(status, job.getStatus())) {
      job.setStatus(status);
      context.client().updateStatus(job);
    }
    return result;
  }

  private String failureReason(int failed, List<Pod> active, Instant now) {
    int backoffLimit = value(job.getSpec().getBackoffLimit(), 6);
    boolean onFailure =
        "OnFailure".equals(job.getSpec().getTemplate().getSpec().getRestartPolicy());
    int restarts = active.stream().mapToInt(PodStates::restarts).sum();
    boolean pastOnFailure =
        onFailure && (backoffLimit == 0 ? restarts > 0 : restarts >= backoffLimit);
    if (failed > backoffLimit || pastOnFailure) {
      return "BackoffLimitExceeded";
    }
    Long deadline = job.getSpec().getActiveDeadlineSeconds();
    if (deadline != null
        && !Instant.parse(status.getStartTime()).plusSeconds(deadline).isAfter(now)) {
      return "DeadlineExceeded";
    }
    return null;
  }

  private boolean complete(int succeeded, List<Pod> active) {
    Integer completions = job.getSpec().getCompletions();
    return completions == null ? succeeded > 0 && active.isEmpty() : succeeded >= completions;
  }

  /** Deletes the remaining pods, then marks the Job Complete or Failed once none runs. */
  private SyncResult finish(List<Pod> active, boolean success, String reason, String now) {
    active.forEach(control::delete);
    if (success) {
      JobConditions.add(
          status,
          JobConditions.SUCCESS_CRITERIA_MET,
          "CompletionsReached",
          "Reached expected number of succeeded pods",
          now);
    } else {
      JobConditions.add(status, JobConditions.FAILURE_TARGET, reason, message(reason), now);
    }
    boolean stillRunning =
        pods.stream()
            .anyMatch(
                p ->
                    !PodStates.isTerminal(p)
                        && context
                            .client()
                            .get(
                                Pod.class,
                                p.getMetadata().getNamespace(),
                                p.getMetadata().getName())
                            .isPresent());
    active.clear();
    if (stillRunning) {
      return SyncResult.after(POLL);
    }
    if (success) {
      JobConditions.add(
          status,
          JobConditions.COMPLETE,
          "CompletionsReached",
          "Reached expected number of succeeded pods",
          now);
      status.setCompletionTime(now);
      context.events().normal(job, JobController.NAME, "Completed", "Job completed");
    } else {
      JobConditions.add(status, JobConditions.FAILED, reason, message(reason), now);
      context.events().warning(job, JobController.NAME, reason, message(reason));
    }
    Integer ttl = job.getSpec().getTtlSecondsAfterFinished();
    return ttl == null
        ? SyncResult.DONE
        : SyncResult.after(Duration.ofSeconds(ttl).plusMillis(100));
  }

  private static String message(String reason) {
    return "DeadlineExceeded".equals(reason)
        ? "Job was active longer than specified deadline"
        : "Job has reached the specified backoff limit";
  }

  /** Creates or deletes pods so that the wanted number runs. */
  private List<Pod> manage(List<Pod> active, int succeeded) {
    int parallelism = value(job.getSpec().getParallelism(), 1);
    Integer completions = job.getSpec().getCompletions();
    int wanted =
        completions == null
            ? (succeeded > 0 ? 0 : parallelism)
            : Math.max(0, Math.min(parallelism, completions - succeeded));
    List<Pod> result = new ArrayList<>(active);
    List<String> created = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    try {
      for (int i = active.size(); i < wanted; i++) {
        Pod pod = control.create(job.getSpec().getTemplate());
        created.add(pod.getMetadata().getName());
        result.add(pod);
      }
      while (result.size() > wanted) {
        Pod surplus = result.remove(result.size() - 1);
        control.delete(surplus);
        deleted.add(surplus.getMetadata().getName());
      }
    } finally {
      expectations.expectCreations(key, created);
      expectations.expectDeletions(key, deleted);
    }
    return result;
  }

  private SyncResult deadlineRecheck(Instant now) {
    Long deadline = job.getSpec().getActiveDeadlineSeconds();
    if (deadline == null) {
      return SyncResult.DONE;
    }
    Instant due = Instant.parse(status.getStartTime()).plusSeconds(deadline);
    return SyncResult.after(Duration.between(now, due).plusMillis(100));
  }

  private int count(String phase) {
    return (int) pods.stream().filter(p -> phase.equals(PodStates.phase(p))).count();
  }

  private static int value(Integer v) {
    return value(v, 0);
  }

  private static int value(Integer v, int otherwise) {
    return v == null ? otherwise : v;
  }
}
