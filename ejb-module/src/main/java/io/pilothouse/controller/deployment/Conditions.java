package io.pilothouse.controller.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.pilothouse.controller.util.Timestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Deployment's {@code Available} and {@code Progressing} conditions, set as upstream's {@code
 * SetDeploymentCondition} does: an unchanged status and reason leaves the condition alone, a
 * changed reason with the same status keeps the transition time.
 */
final class Conditions {

  static final String AVAILABLE = "Available";
  static final String PROGRESSING = "Progressing";

  private Conditions() {}

  static Optional<DeploymentCondition> get(DeploymentStatus status, String type) {
    if (status == null || status.getConditions() == null) {
      return Optional.empty();
    }
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** Sets Progressing on the rollout's Deployment (in memory; the status write comes later). */
  static void setProgressing(Rollout rollout, String status, String reason, String message) {
    Deployment d = rollout.deployment;
    if (d.getStatus() == null) {
      d.setStatus(new DeploymentStatus());
    }
    set(
        d.getStatus(),
        PROGRESSING,
        status,
        reason,
        message,
        Timestamps.format(rollout.context.clock().instant()));
  }

  /** Upstream's {@code SetDeploymentCondition}. */
  static void set(
      DeploymentStatus status,
      String type,
      String value,
      String reason,
      String message,
      String now) {
    DeploymentCondition current = get(status, type).orElse(null);
    if (current != null
        && value.equals(current.getStatus())
        && reason.equals(current.getReason())) {
      return;
    }
    String transition =
        current != null && value.equals(current.getStatus())
            ? current.getLastTransitionTime()
            : now;
    replace(
        status,
        new DeploymentConditionBuilder()
            .withType(type)
            .withStatus(value)
            .withReason(reason)
            .withMessage(message)
            .withLastUpdateTime(now)
            .withLastTransitionTime(transition)
            .build());
  }

  /** Replaces the condition of that type, refreshing its update time even if otherwise equal. */
  static void refresh(
      DeploymentStatus status,
      String type,
      String value,
      String reason,
      String message,
      String now) {
    DeploymentCondition current = get(status, type).orElse(null);
    String transition =
        current != null && value.equals(current.getStatus())
            ? current.getLastTransitionTime()
            : now;
    replace(
        status,
        new DeploymentConditionBuilder()
            .withType(type)
            .withStatus(value)
            .withReason(reason)
            .withMessage(message)
            .withLastUpdateTime(now)
            .withLastTransitionTime(transition)
            .build());
  }

  private static void replace(DeploymentStatus status, DeploymentCondition condition) {
    List<DeploymentCondition> list =
        status.getConditions() == null
            ? new ArrayList<>()
            : new ArrayList<>(status.getConditions());
    list.removeIf(c -> condition.getType().equals(c.getType()));
    list.add(condition);
    status.setConditions(list);
  }
}
