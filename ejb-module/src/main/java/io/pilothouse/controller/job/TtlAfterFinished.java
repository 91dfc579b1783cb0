package io.pilothouse.controller.job;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.SyncResult;
import java.time.Duration;
import java.time.Instant;

/**
 * Upstream's TTL-after-finished controller: a finished Job with {@code ttlSecondsAfterFinished} is
 * deleted (Foreground, so its pods go first) that long after it completed or failed.
 */
final class TtlAfterFinished {

  private TtlAfterFinished() {}

  static SyncResult check(ControllerContext context, Job job) {
    Integer ttl = job.getSpec().getTtlSecondsAfterFinished();
    if (ttl == null || job.getMetadata().getDeletionTimestamp() != null) {
      return SyncResult.DONE;
    }
    JobCondition finished = JobConditions.find(job.getStatus(), JobConditions.COMPLETE);
    if (finished == null) {
      finished = JobConditions.find(job.getStatus(), JobConditions.FAILED);
    }
    Instant at =
        finished == null || finished.getLastTransitionTime() == null
            ? context.clock().instant()
            : Instant.parse(finished.getLastTransitionTime());
    Instant expires = at.plusSeconds(ttl);
    Instant now = context.clock().instant();
    if (now.isBefore(expires)) {
      return SyncResult.after(Duration.between(now, expires).plusMillis(100));
    }
    context
        .client()
        .delete(
            Job.class,
            job.getMetadata().getNamespace(),
            job.getMetadata().getName(),
            "Foreground",
            job.getMetadata().getUid(),
            null);
    return SyncResult.DONE;
  }
}
