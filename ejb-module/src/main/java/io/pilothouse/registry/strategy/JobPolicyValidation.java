package io.pilothouse.registry.strategy;

import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.GoValues;
import io.pilothouse.registry.validation.Names;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A Job's pod failure, success and pod replacement policies, as upstream validates them (lightly
 * for the success policy): supported actions and operators, exit codes listed once and in order,
 * one of exit codes or pod conditions per rule, success rules only for Indexed jobs.
 */
final class JobPolicyValidation {

  private static final List<String> ACTIONS = List.of("Count", "FailIndex", "FailJob", "Ignore");
  private static final List<String> OPERATORS = List.of("In", "NotIn");
  private static final List<String> STATUSES = List.of("False", "True", "Unknown");
  private static final List<String> REPLACEMENT = List.of("Failed", "TerminatingOrFailed");
  private static final Pattern INDEXES = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");
  private static final int MAX_RULES = 20;

  private JobPolicyValidation() {}

  static List<FieldError> validate(JsonNode spec) {
    List<FieldError> errs = new ArrayList<>();
    JsonNode failurePolicy = spec.get("podFailurePolicy");
    if (failurePolicy != null && !failurePolicy.isNull()) {
      errs.addAll(validateFailurePolicy(spec, failurePolicy));
    }
    JsonNode successPolicy = spec.get("successPolicy");
    if (successPolicy != null && !successPolicy.isNull()) {
      errs.addAll(validateSuccessPolicy(spec, successPolicy));
    }
    String replacement = Trees.text(spec, "podReplacementPolicy");
    if (replacement != null) {
      boolean withFailurePolicy = failurePolicy != null && !failurePolicy.isNull();
      List<String> allowed = withFailurePolicy ? List.of("Failed") : REPLACEMENT;
      if (!allowed.contains(replacement)) {
        errs.add(FieldError.notSupported("spec.podReplacementPolicy", replacement, allowed));
      }
    }
    return errs;
  }

  private static List<FieldError> validateFailurePolicy(JsonNode spec, JsonNode policy) {
    List<FieldError> errs = new ArrayList<>();
    List<JsonNode> rules = Trees.items(policy, "rules");
    if (rules.size() > MAX_RULES) {
      errs.add(FieldError.tooMany("spec.podFailurePolicy.rules", rules.size(), MAX_RULES));
    }
    Set<String> containers = new HashSet<>();
    for (String list : List.of("containers", "initContainers")) {
      Trees.items(spec.path("template").path("spec"), list)
          .forEach(c -> containers.add(Trees.text(c, "name", "")));
    }
    for (int i = 0; i < rules.size(); i++) {
      errs.addAll(
          validateFailureRule(
              spec, rules.get(i), containers, "spec.podFailurePolicy.rules[" + i + "]"));
    }
    return errs;
  }

  private static List<FieldError> validateFailureRule(
      JsonNode spec, JsonNode rule, Set<String> containers, String path) {
    List<FieldError> errs = new ArrayList<>();
    String action = Trees.text(rule, "action", "");
    if (action.isEmpty()) {
      errs.add(
          FieldError.required(
              path + ".action", "valid values: [\"Count\" \"FailIndex\" \"FailJob\" \"Ignore\"]"));
    } else if (action.equals("FailIndex") && !Trees.present(spec, "backoffLimitPerIndex")) {
      errs.add(
          FieldError.invalid(
              path + ".action", action, "requires the backoffLimitPerIndex to be set"));
    } else if (!ACTIONS.contains(action)) {
      errs.add(FieldError.notSupported(path + ".action", action, ACTIONS));
    }
    JsonNode exitCodes = rule.get("onExitCodes");
    boolean hasExitCodes = exitCodes != null && !exitCodes.isNull();
    boolean hasConditions = Trees.size(rule, "onPodConditions") > 0;
    if (hasExitCodes) {
      errs.addAll(validateExitCodes(exitCodes, containers, path + ".onExitCodes"));
    }
    List<JsonNode> conditions = Trees.items(rule, "onPodConditions");
    for (int i = 0; i < conditions.size(); i++) {
      errs.addAll(validateCondition(conditions.get(i), path + ".onPodConditions[" + i + "]"));
    }
    if (hasExitCodes && hasConditions) {
      errs.add(
          FieldError.invalidOmitValue(
              path, "specifying both OnExitCodes and OnPodConditions is not supported"));
    } else if (!hasExitCodes && !hasConditions) {
      errs.add(
          FieldError.invalidOmitValue(
              path, "specifying one of OnExitCodes and OnPodConditions is required"));
    }
    return errs;
  }

  private static List<FieldError> validateExitCodes(
      JsonNode exitCodes, Set<String> containers, String path) {
    List<FieldError> errs = new ArrayList<>();
    String container = Trees.text(exitCodes, "containerName");
    if (container != null && !containers.contains(container)) {
      errs.add(
          FieldError.invalid(
              path + ".containerName",
              container,
              "must be one of the container or initContainer names in the pod template"));
    }
    String operator = Trees.text(exitCodes, "operator", "");
    if (operator.isEmpty()) {
      errs.add(FieldError.required(path + ".operator", "valid values: [\"In\" \"NotIn\"]"));
    } else if (!OPERATORS.contains(operator)) {
      errs.add(FieldError.notSupported(path + ".operator", operator, OPERATORS));
    }
    List<JsonNode> values = Trees.items(exitCodes, "values");
    if (values.isEmpty()) {
      errs.add(
          FieldError.invalid(
              path + ".values",
              new GoValues.Rendered("[]int32(nil)"),
              "at least one value is required"));
    }
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      long value = values.get(i).asLong();
      String vpath = path + ".values[" + i + "]";
      if (!seen.add(value)) {
        errs.add(FieldError.duplicate(vpath, value));
      }
      if (operator.equals("In") && value == 0) {
        errs.add(FieldError.invalid(vpath, value, "must not be 0 for the In operator"));
      }
      if (i > 0 && values.get(i - 1).asLong() > value) {
        errs.add(FieldError.invalid(vpath, value, "must be ordered"));
      }
    }
    return errs;
  }

  private static List<FieldError> validateCondition(JsonNode condition, String path) {
    List<FieldError> errs = new ArrayList<>();
    String status = Trees.text(condition, "status", "");
    if (status.isEmpty()) {
      errs.add(
          FieldError.required(path + ".status", "valid values: [\"False\" \"True\" \"Unknown\"]"));
    } else if (!STATUSES.contains(status)) {
      errs.add(FieldError.notSupported(path + ".status", status, STATUSES));
    }
    String type = Trees.text(condition, "type", "");
    if (type.isEmpty()) {
      errs.add(FieldError.required(path + ".type"));
    } else {
      Names.qualifiedName(type)
          .forEach(msg -> errs.add(FieldError.invalid(path + ".type", type, msg)));
    }
    return errs;
  }

  private static List<FieldError> validateSuccessPolicy(JsonNode spec, JsonNode policy) {
    List<FieldError> errs = new ArrayList<>();
    String path = "spec.successPolicy";
    if (!"Indexed".equals(Trees.text(spec, "completionMode"))) {
      errs.add(
          FieldError.invalid(
              "spec.completionMode",
              Trees.text(spec, "completionMode", ""),
              "requires indexed completion mode"));
    }
    List<JsonNode> rules = Trees.items(policy, "rules");
    if (rules.isEmpty()) {
      errs.add(
          FieldError.required(
              path + ".rules",
              "at least one rules must be specified when the successPolicy is specified"));
    }
    for (int i = 0; i < rules.size(); i++) {
      JsonNode rule = rules.get(i);
      String rpath = path + ".rules[" + i + "]";
      String indexes = Trees.text(rule, "succeededIndexes");
      Long count = Trees.number(rule, "succeededCount");
      if (indexes == null && count == null) {
        errs.add(
            FieldError.required(
                rpath, "at least one of succeededCount or succeededIndexes must be specified"));
      }
      if (indexes != null && !INDEXES.matcher(indexes).matches()) {
        errs.add(
            FieldError.invalid(
                rpath + ".succeededIndexes", indexes, "error parsing succeededIndexes"));
      }
      if (count != null && count < 0) {
        errs.add(
            FieldError.invalid(
                rpath + ".succeededCount", count, "must be greater than or equal to 0"));
      }
    }
    return errs;
  }
}
