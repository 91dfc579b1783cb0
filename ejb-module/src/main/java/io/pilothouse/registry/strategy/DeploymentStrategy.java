package io.pilothouse.registry.strategy;

import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.Immutable;
import io.pilothouse.registry.validation.Names;
import io.pilothouse.registry.validation.Numbers;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deployments ({@code apps/v1}): upstream's defaults (1 replica, RollingUpdate 25%/25%, 10
 * revisions kept, 600 s progress deadline, pod-spec defaults in the template), generation counted
 * on spec changes, status written only through {@code /status} (which keeps spec and labels), the
 * selector immutable, and the strategy rules.
 */
public class DeploymentStrategy implements ResourceStrategy {

  private static final Pattern PERCENT = Pattern.compile("[0-9]+%");
  private static final List<String> TYPES = List.of("Recreate", "RollingUpdate");

  @Override
  public boolean tracksGeneration() {
    return true;
  }

  @Override
  public void prepareForCreate(ObjectNode deployment) {
    applyDefaults(deployment);
    deployment.putObject("status");
  }

  @Override
  public void prepareForUpdate(ObjectNode deployment, ObjectNode old) {
    applyDefaults(deployment);
    StatusSplit.keepStatus(deployment, old);
  }

  @Override
  public void prepareForStatusUpdate(ObjectNode deployment, ObjectNode old) {
    StatusSplit.keepAllButStatus(deployment, old);
    StatusSplit.keepMetadata(deployment, old, "labels");
  }

  static void applyDefaults(ObjectNode deployment) {
    ObjectNode spec = Trees.ensureObject(deployment, "spec");
    Trees.putIfAbsent(spec, "replicas", 1);
    ObjectNode strategy = Trees.ensureObject(spec, "strategy");
    Trees.putIfAbsent(strategy, "type", "RollingUpdate");
    if ("RollingUpdate".equals(Trees.text(strategy, "type"))) {
      ObjectNode rollingUpdate = Trees.ensureObject(strategy, "rollingUpdate");
      Trees.putIfAbsent(rollingUpdate, "maxUnavailable", "25%");
      Trees.putIfAbsent(rollingUpdate, "maxSurge", "25%");
    }
    Trees.putIfAbsent(spec, "revisionHistoryLimit", 10);
    Trees.putIfAbsent(spec, "progressDeadlineSeconds", 600);
    WorkloadValidation.applyTemplateDefaults(spec);
  }

  @Override
  public List<FieldError> validate(ObjectNode deployment) {
    JsonNode spec = deployment.path("spec");
    List<FieldError> errs = new ArrayList<>(WorkloadValidation.validateReplicated(spec));
    errs.addAll(validateStrategy(spec.get("strategy")));
    errs.addAll(Numbers.nonNegative(spec, "revisionHistoryLimit", "spec.revisionHistoryLimit"));
    Long deadline = Trees.number(spec, "progressDeadlineSeconds");
    if (deadline != null) {
      errs.addAll(
          Numbers.nonNegative(spec, "progressDeadlineSeconds", "spec.progressDeadlineSeconds"));
      long minReady =
          Trees.number(spec, "minReadySeconds") == null ? 0 : Trees.number(spec, "minReadySeconds");
      if (deadline <= minReady) {
        errs.add(
            FieldError.invalid(
                "spec.progressDeadlineSeconds", deadline, "must be greater than minReadySeconds"));
      }
    }
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(ObjectNode deployment, ObjectNode old) {
    List<FieldError> errs = new ArrayList<>(validate(deployment));
    errs.addAll(
        Immutable.check(deployment.path("spec"), old.path("spec"), "selector", "spec.selector"));
    return errs;
  }

  static List<FieldError> validateStrategy(JsonNode strategy) {
    String type = Trees.text(strategy, "type", "");
    String path = "spec.strategy";
    JsonNode rollingUpdate = strategy == null ? null : strategy.get("rollingUpdate");
    boolean hasRollingUpdate = rollingUpdate != null && !rollingUpdate.isNull();
    switch (type) {
      case "Recreate" -> {
        return hasRollingUpdate
            ? List.of(
                FieldError.forbidden(
                    path + ".rollingUpdate",
                    "may not be specified when strategy `type` is 'Recreate'"))
            : List.of();
      }
      case "RollingUpdate" -> {
        return hasRollingUpdate
            ? validateRollingUpdate(rollingUpdate, path + ".rollingUpdate")
            : List.of(
                FieldError.required(
                    path + ".rollingUpdate", "this should be defaulted and never be nil"));
      }
      default -> {
        return List.of(FieldError.notSupported(path + ".type", type, TYPES));
      }
    }
  }

  private static List<FieldError> validateRollingUpdate(JsonNode rollingUpdate, String path) {
    List<FieldError> errs = new ArrayList<>();
    JsonNode maxUnavailable = rollingUpdate.get("maxUnavailable");
    JsonNode maxSurge = rollingUpdate.get("maxSurge");
    errs.addAll(intOrPercent(maxUnavailable, path + ".maxUnavailable"));
    errs.addAll(intOrPercent(maxSurge, path + ".maxSurge"));
    if (amount(maxUnavailable) == 0 && amount(maxSurge) == 0) {
      errs.add(
          FieldError.invalid(
              path + ".maxUnavailable",
              io.pilothouse.registry.validation.GoValues.of(maxUnavailable),
              "may not be 0 when `maxSurge` is 0"));
    }
    if (maxUnavailable != null && maxUnavailable.isString() && amount(maxUnavailable) > 100) {
      errs.add(
          FieldError.invalid(
              path + ".maxUnavailable",
              maxUnavailable.asString(),
              "must not be greater than 100%"));
    }
    return errs;
  }

  /** {@code ValidatePositiveIntOrPercent}. */
  private static List<FieldError> intOrPercent(JsonNode value, String path) {
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (value.isString()) {
      return PERCENT.matcher(value.asString()).matches()
          ? List.of()
          : List.of(
              FieldError.invalid(
                  path,
                  value.asString(),
                  Names.regexError(
                      "a valid percent string must be a numeric string followed by an ending '%'",
                      "[0-9]+%", "1%", "93%")));
    }
    return value.asLong() < 0
        ? List.of(FieldError.invalid(path, value.asLong(), Numbers.NEGATIVE))
        : List.of();
  }

  /** The number in an int-or-percent, -1 when it is not one. */
  private static long amount(JsonNode value) {
    if (value == null || value.isNull()) {
      return 0;
    }
    if (value.isString()) {
      String text = value.asString();
      return PERCENT.matcher(text).matches()
          ? Long.parseLong(text.substring(0, text.length() - 1))
          : -1;
    }
    return value.asLong();
  }
}
