package io.pilothouse.registry.strategy.pod;

import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.LabelSelectors;
import io.pilothouse.registry.validation.Names;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A pod spec's {@code affinity}, as upstream's {@code validateAffinity}: node selector terms (at
 * least one, valid operators with the value counts they need, label keys and values), weighted
 * preferences in 1-100, and pod (anti-)affinity terms with selectors and a topology key.
 */
final class AffinityValidation {

  private static final String REQUIRED_TERMS = "requiredDuringSchedulingIgnoredDuringExecution";
  private static final String PREFERRED_TERMS = "preferredDuringSchedulingIgnoredDuringExecution";

  private AffinityValidation() {}

  static List<FieldError> validate(JsonNode affinity, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (affinity == null || affinity.isNull()) {
      return errs;
    }
    JsonNode node = affinity.get("nodeAffinity");
    if (node != null && !node.isNull()) {
      String npath = path + ".nodeAffinity";
      JsonNode required = node.get(REQUIRED_TERMS);
      if (required != null && !required.isNull()) {
        errs.addAll(validateNodeSelector(required, npath + "." + REQUIRED_TERMS));
      }
      List<JsonNode> preferred = Trees.items(node, PREFERRED_TERMS);
      for (int i = 0; i < preferred.size(); i++) {
        String ppath = npath + "." + PREFERRED_TERMS + "[" + i + "]";
        errs.addAll(weight(preferred.get(i), ppath));
        errs.addAll(
            validateNodeSelectorTerm(
                preferred.get(i).get("preference"), false, ppath + ".preference"));
      }
    }
    for (String kind : List.of("podAffinity", "podAntiAffinity")) {
      JsonNode pod = affinity.get(kind);
      if (pod != null && !pod.isNull()) {
        errs.addAll(validatePodAffinity(pod, path + "." + kind));
      }
    }
    return errs;
  }

  private static List<FieldError> validateNodeSelector(JsonNode selector, String path) {
    List<JsonNode> terms = Trees.items(selector, "nodeSelectorTerms");
    if (terms.isEmpty()) {
      return List.of(
          FieldError.required(
              path + ".nodeSelectorTerms", "must have at least one node selector term"));
    }
    List<FieldError> errs = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      errs.addAll(
          validateNodeSelectorTerm(terms.get(i), true, path + ".nodeSelectorTerms[" + i + "]"));
    }
    return errs;
  }

  private static List<FieldError> validateNodeSelectorTerm(
      JsonNode term, boolean checkValues, String path) {
    List<FieldError> errs = new ArrayList<>();
    List<JsonNode> expressions = Trees.items(term, "matchExpressions");
    for (int i = 0; i < expressions.size(); i++) {
      errs.addAll(
          validateNodeRequirement(
              expressions.get(i), checkValues, path + ".matchExpressions[" + i + "]"));
    }
    List<JsonNode> fields = Trees.items(term, "matchFields");
    for (int i = 0; i < fields.size(); i++) {
      errs.addAll(validateFieldRequirement(fields.get(i), path + ".matchFields[" + i + "]"));
    }
    return errs;
  }

  private static List<FieldError> validateNodeRequirement(
      JsonNode requirement, boolean checkValues, String path) {
    List<FieldError> errs = new ArrayList<>();
    errs.addAll(validateOperator(requirement, path));
    String key = Trees.text(requirement, "key", "");
    Names.qualifiedName(key).forEach(msg -> errs.add(FieldError.invalid(path + ".key", key, msg)));
    if (checkValues) {
      List<String> list = Trees.strings(requirement, "values");
      for (int i = 0; i < list.size(); i++) {
        String value = list.get(i);
        String vpath = path + ".values[" + i + "]";
        Names.labelValue(value).forEach(msg -> errs.add(FieldError.invalid(vpath, value, msg)));
      }
    }
    return errs;
  }

  private static List<FieldError> validateOperator(JsonNode requirement, String path) {
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
      case "Gt", "Lt" -> {
        if (values != 1) {
          errs.add(
              FieldError.required(
                  path + ".values",
                  "must be specified single value when `operator` is 'Lt' or 'Gt'"));
        }
      }
      default ->
          errs.add(
              FieldError.invalid(path + ".operator", operator, "not a valid selector operator"));
    }
    return errs;
  }

  private static List<FieldError> validateFieldRequirement(JsonNode requirement, String path) {
    List<FieldError> errs = new ArrayList<>();
    String operator = Trees.text(requirement, "operator", "");
    if (operator.equals("In") || operator.equals("NotIn")) {
      if (Trees.size(requirement, "values") != 1) {
        errs.add(
            FieldError.required(
                path + ".values",
                "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
      }
    } else {
      errs.add(FieldError.invalid(path + ".operator", operator, "not a valid selector operator"));
    }
    String key = Trees.text(requirement, "key", "");
    if (!key.equals("metadata.name")) {
      errs.add(FieldError.invalid(path + ".key", key, "not a valid field selector key"));
    } else {
      List<String> values = Trees.strings(requirement, "values");
      for (int i = 0; i < values.size(); i++) {
        String value = values.get(i);
        String vpath = path + ".values[" + i + "]";
        Names.dns1123Subdomain(value)
            .forEach(msg -> errs.add(FieldError.invalid(vpath, value, msg)));
      }
    }
    return errs;
  }

  private static List<FieldError> validatePodAffinity(JsonNode affinity, String path) {
    List<FieldError> errs = new ArrayList<>();
    List<JsonNode> required = Trees.items(affinity, REQUIRED_TERMS);
    for (int i = 0; i < required.size(); i++) {
      errs.addAll(
          validatePodAffinityTerm(required.get(i), path + "." + REQUIRED_TERMS + "[" + i + "]"));
    }
    List<JsonNode> preferred = Trees.items(affinity, PREFERRED_TERMS);
    for (int i = 0; i < preferred.size(); i++) {
      String ppath = path + "." + PREFERRED_TERMS + "[" + i + "]";
      errs.addAll(weight(preferred.get(i), ppath));
      errs.addAll(
          validatePodAffinityTerm(
              preferred.get(i).get("podAffinityTerm"), ppath + ".podAffinityTerm"));
    }
    return errs;
  }

  private static List<FieldError> validatePodAffinityTerm(JsonNode term, String path) {
    List<FieldError> errs = new ArrayList<>();
    errs.addAll(
        LabelSelectors.validate(
            term == null ? null : term.get("labelSelector"), path + ".labelSelector"));
    errs.addAll(
        LabelSelectors.validate(
            term == null ? null : term.get("namespaceSelector"), path + ".namespaceSelector"));
    for (String namespace : Trees.strings(term, "namespaces")) {
      Names.dns1123Label(namespace)
          .forEach(msg -> errs.add(FieldError.invalid(path + ".namespace", namespace, msg)));
    }
    String topologyKey = Trees.text(term, "topologyKey", "");
    if (topologyKey.isEmpty()) {
      errs.add(FieldError.required(path + ".topologyKey", "can not be empty"));
    }
    Names.qualifiedName(topologyKey)
        .forEach(msg -> errs.add(FieldError.invalid(path + ".topologyKey", topologyKey, msg)));
    return errs;
  }

  private static List<FieldError> weight(JsonNode term, String path) {
    long weight = Trees.number(term, "weight") == null ? 0 : Trees.number(term, "weight");
    return weight <= 0 || weight > 100
        ? List.of(FieldError.invalid(path + ".weight", weight, "must be in the range 1-100"))
        : List.of();
  }
}
