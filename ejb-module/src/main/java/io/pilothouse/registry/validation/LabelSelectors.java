package io.pilothouse.registry.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code metav1.LabelSelector} in JSON form: validation as upstream's {@code ValidateLabelSelector}
 * and matching as {@code LabelSelectorAsSelector(...).Matches(labels)}, with upstream's edge cases
 * (a missing selector matches nothing, an empty one everything).
 */
public final class LabelSelectors {

  private LabelSelectors() {}

  /** The field errors of a selector at {@code path} ({@code spec.selector}). */
  public static List<FieldError> validate(JsonNode selector, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (selector == null || !selector.isObject()) {
      return errs;
    }
    errs.addAll(
        ObjectMetaValidation.validateLabels(selector.get("matchLabels"), path + ".matchLabels"));
    List<JsonNode> expressions = Trees.items(selector, "matchExpressions");
    for (int i = 0; i < expressions.size(); i++) {
      errs.addAll(validateRequirement(expressions.get(i), path + ".matchExpressions[" + i + "]"));
    }
    return errs;
  }

  /** {@code ValidateLabelSelectorRequirement}. */
  static List<FieldError> validateRequirement(JsonNode requirement, String path) {
    List<FieldError> errs = new ArrayList<>();
    String operator = Trees.text(requirement, "operator", "");
    int values = Trees.size(requirement, "values");
    switch (operator) {
      case "In", "NotIn" -> {
        if (values == 0) {
          errs.add(
              FieldError.required(
                  path + ".values", "must be specified when `operator` is 'In' or 'NotIn'"));
        }
      }
      case "Exists", "DoesNotExist" -> {
        if (values > 0) {
          errs.add(
              FieldError.forbidden(
                  path + ".values",
                  "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        }
      }
      default ->
          errs.add(
              FieldError.invalid(path + ".operator", operator, "not a valid selector operator"));
    }
    String key = Trees.text(requirement, "key", "");
    for (String msg : Names.qualifiedName(key)) {
      errs.add(FieldError.invalid(path + ".key", key, msg));
    }
    List<String> valueList = Trees.strings(requirement, "values");
    for (int i = 0; i < valueList.size(); i++) {
      for (String msg : Names.labelValue(valueList.get(i))) {
        errs.add(FieldError.invalid(path + ".values[" + i + "]", valueList.get(i), msg));
      }
    }
    return errs;
  }

  /** Whether the selector selects nothing or everything: no matchLabels and no expressions. */
  public static boolean isEmpty(JsonNode selector) {
    return selector == null
        || !selector.isObject()
        || Trees.size(selector, "matchLabels") + Trees.size(selector, "matchExpressions") == 0;
  }

  /**
   * Whether {@code labels} satisfy the selector; a null selector matches nothing, an empty one
   * everything.
   */
  public static boolean matches(JsonNode selector, Map<String, String> labels) {
    if (selector == null || selector.isNull() || !selector.isObject()) {
      return false;
    }
    for (Map.Entry<String, String> entry : Trees.stringMap(selector, "matchLabels").entrySet()) {
      if (!entry.getValue().equals(labels.get(entry.getKey()))) {
        return false;
      }
    }
    for (JsonNode requirement : Trees.items(selector, "matchExpressions")) {
      if (!matchesRequirement(requirement, labels)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesRequirement(JsonNode requirement, Map<String, String> labels) {
    String key = Trees.text(requirement, "key", "");
    List<String> values = Trees.strings(requirement, "values");
    boolean has = labels.containsKey(key);
    return switch (Trees.text(requirement, "operator", "")) {
      case "In" -> has && values.contains(labels.get(key));
      case "NotIn" -> !has || !values.contains(labels.get(key));
      case "Exists" -> has;
      case "DoesNotExist" -> !has;
      default -> false;
    };
  }
}
