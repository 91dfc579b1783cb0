package io.pilothouse.controller.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.pilothouse.controller.SyncResult;
import io.pilothouse.controller.util.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Upstream's {@code calculateStatus}, {@code syncRolloutStatus} and {@code checkPausedConditions}:
 * replica counts summed over the ReplicaSets, Available when enough pods are (wanted minus
 * maxUnavailable), Progressing as NewReplicaSetAvailable, ReplicaSetUpdated,
 * ProgressDeadlineExceeded, DeploymentPaused or DeploymentResumed; written only when it changed,
 * with a look again when the progress deadline is due.
 */
final class RolloutStatus {

  static final String TIMED_OUT = "ProgressDeadlineExceeded";
  static final String NEW_RS_AVAILABLE = "NewReplicaSetAvailable";
  static final String PAUSED = "DeploymentPaused";

  private RolloutStatus() {}

  /** Computes and writes the status; returns when to look again. */
  static SyncResult sync(Rollout rollout, boolean rolloutConditions) {
    Deployment d = rollout.deployment;
    Instant now = rollout.context.clock().instant();
    String stamp = Timestamps.format(now);
    DeploymentStatus previous = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    DeploymentStatus stored = rollout.stored == null ? new DeploymentStatus() : rollout.stored;
    DeploymentStatus status = calculate(rollout, previous, stamp);
    checkPaused(d, status, stamp);
    SyncResult result = SyncResult.DONE;
    if (rolloutConditions && !Boolean.TRUE.equals(d.getSpec().getPaused())) {
      result = progressing(rollout, stored, status, now);
    }
    if (!Objects.equals(status, rollout.stored)) {
      d.setStatus(status);
      rollout.deployment = rollout.context.client().updateStatus(d);
    }
    return result;
  }

  private static DeploymentStatus calculate(Rollout rollout, DeploymentStatus old, String now) {
    Deployment d = rollout.deployment;
    List<ReplicaSet> all = rollout.all();
    int available = Rollouts.available(all);
    int wanted = Rollouts.replicas(d);
    List<DeploymentCondition> conditions =
        old.getConditions() == null ? new ArrayList<>() : new ArrayList<>(old.getConditions());
    DeploymentStatus status =
        new DeploymentStatusBuilder()
            .withObservedGeneration(d.getMetadata().getGeneration())
            .withReplicas(Rollouts.statusReplicas(all))
            .withUpdatedReplicas(
                rollout.newRS == null ? 0 : Rollouts.statusReplicas(List.of(rollout.newRS)))
            .withReadyReplicas(Rollouts.ready(all))
            .withAvailableReplicas(available)
            .withUnavailableReplicas(Math.max(0, Rollouts.specReplicas(all) - available))
            .withCollisionCount(old.getCollisionCount())
            .withConditions(conditions)
            .build();
    int maxUnavailable = wanted == 0 ? 0 : Math.min(wanted, rollout.fenceposts().maxUnavailable());
    if (available >= wanted - maxUnavailable) {
      Conditions.set(
          status,
          Conditions.AVAILABLE,
          "True",
          "MinimumReplicasAvailable",
          "Deployment has minimum availability.",
          now);
    } else {
      Conditions.set(
          status,
          Conditions.AVAILABLE,
          "False",
          "MinimumReplicasUnavailable",
          "Deployment does not have minimum availability.",
          now);
    }
    return status;
  }

  private static void checkPaused(Deployment d, DeploymentStatus status, String now) {
    DeploymentCondition cond = Conditions.get(status, Conditions.PROGRESSING).orElse(null);
    boolean paused = Boolean.TRUE.equals(d.getSpec().getPaused());
    boolean pausedCond = cond != null && PAUSED.equals(cond.getReason());
    if (paused && !pausedCond) {
      Conditions.set(
          status, Conditions.PROGRESSING, "Unknown", PAUSED, "Deployment is paused", now);
    } else if (!paused && pausedCond) {
      Conditions.set(
          status,
          Conditions.PROGRESSING,
          "Unknown",
          "DeploymentResumed",
          "Deployment is resumed",
          now);
    }
  }

  private static SyncResult progressing(
      Rollout rollout, DeploymentStatus old, DeploymentStatus status, Instant now) {
    Deployment d = rollout.deployment;
    Integer deadline = d.getSpec().getProgressDeadlineSeconds();
    if (deadline == null || deadline == Integer.MAX_VALUE) {
      return SyncResult.DONE;
    }
    String stamp = Timestamps.format(now);
    DeploymentCondition current = Conditions.get(status, Conditions.PROGRESSING).orElse(null);
    String subject =
        rollout.newRS == null
            ? "Deployment \"" + d.getMetadata().getName() + "\""
            : "ReplicaSet \"" + rollout.newRS.getMetadata().getName() + "\"";
    boolean alreadyComplete =
        Objects.equals(status.getReplicas(), status.getUpdatedReplicas())
            && current != null
            && NEW_RS_AVAILABLE.equals(current.getReason());
    if (alreadyComplete) {
      return SyncResult.DONE;
    }
    if (complete(d, status)) {
      Conditions.set(
          status,
          Conditions.PROGRESSING,
          "True",
          NEW_RS_AVAILABLE,
          subject + " has successfully progressed.",
          stamp);
      return SyncResult.DONE;
    }
    if (progressing(old, status)) {
      Conditions.refresh(
          status,
          Conditions.PROGRESSING,
          "True",
          "ReplicaSetUpdated",
          subject + " is progressing.",
          stamp);
    } else if (timedOut(current, deadline, now)) {
      Conditions.set(
          status,
          Conditions.PROGRESSING,
          "False",
          TIMED_OUT,
          subject + " has timed out progressing.",
          stamp);
      return SyncResult.DONE;
    }
    DeploymentCondition cond = Conditions.get(status, Conditions.PROGRESSING).orElse(null);
    if (cond == null || cond.getLastUpdateTime() == null) {
      return SyncResult.DONE;
    }
    Instant due = Instant.parse(cond.getLastUpdateTime()).plusSeconds(deadline);
    Duration wait = Duration.between(now, due);
    return SyncResult.after(wait.isNegative() ? Duration.ofSeconds(1) : wait.plusSeconds(1));
  }

  /** Upstream's {@code DeploymentComplete}. */
  static boolean complete(Deployment d, DeploymentStatus status) {
    int wanted = Rollouts.replicas(d);
    return value(status.getUpdatedReplicas()) == wanted
        && value(status.getReplicas()) == wanted
        && value(status.getAvailableReplicas()) == wanted
        && status.getObservedGeneration() >= d.getMetadata().getGeneration();
  }

  /** Upstream's {@code DeploymentProgressing}. */
  private static boolean progressing(DeploymentStatus old, DeploymentStatus status) {
    int oldOld = value(old.getReplicas()) - value(old.getUpdatedReplicas());
    int newOld = value(status.getReplicas()) - value(status.getUpdatedReplicas());
    return value(status.getUpdatedReplicas()) > value(old.getUpdatedReplicas())
        || newOld < oldOld
        || value(status.getReadyReplicas()) > value(old.getReadyReplicas())
        || value(status.getAvailableReplicas()) > value(old.getAvailableReplicas());
  }

  /** Upstream's {@code DeploymentTimedOut}. */
  private static boolean timedOut(DeploymentCondition cond, int deadline, Instant now) {
    if (cond == null || NEW_RS_AVAILABLE.equals(cond.getReason())) {
      return false;
    }
    if (TIMED_OUT.equals(cond.getReason())) {
      return true;
    }
    return cond.getLastUpdateTime() != null
        && Instant.parse(cond.getLastUpdateTime()).plusSeconds(deadline).isBefore(now);
  }

  private static int value(Integer v) {
    return v == null ? 0 : v;
  }
}
