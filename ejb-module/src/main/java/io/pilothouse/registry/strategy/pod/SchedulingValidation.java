package io.pilothouse.registry.strategy.pod;

import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.LabelSelectors;
import io.pilothouse.registry.validation.Names;
import io.pilothouse.registry.validation.Numbers;
import io.pilothouse.registry.validation.ObjectMetaValidation;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The scheduling constraints of a pod spec, as upstream validates them: node selector labels,
 * tolerations, topology spread constraints and scheduling gates; affinity is checked by {@link
 * AffinityValidation}.
 */
final class SchedulingValidation {

  static final List<String> TAINT_EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

  /** Equal and Exists, plus the numeric Gt and Lt of Kubernetes 1.35 (KEP-5471, alpha there). */
  private static final List<String> TOLERATION_OPERATORS = List.of("Equal", "Exists", "Gt", "Lt");

  private static final List<String> WHEN_UNSATISFIABLE = List.of("DoNotSchedule", "ScheduleAnyway");
  private static final List<String> INCLUSION_POLICIES = List.of("Honor", "Ignore");

  private SchedulingValidation() {}

  static List<FieldError> validate(JsonNode spec, String path) {
    List<FieldError> errs = new ArrayList<>();
    errs.addAll(
        ObjectMetaValidation.validateLabels(spec.get("nodeSelector"), path + ".nodeSelector"));
    errs.addAll(AffinityValidation.validate(spec.get("affinity"), path + ".affinity"));
    errs.addAll(validateTolerations(spec, path + ".tolerations"));
    errs.addAll(validateTopologySpread(spec, path + ".topologySpreadConstraints"));
    errs.addAll(validateGates(spec, path + ".schedulingGates"));
    return errs;
  }

  /** {@code ValidateTolerations}. */
  static List<FieldError> validateTolerations(JsonNode spec, String path) {
    List<FieldError> errs = new ArrayList<>();
    List<JsonNode> tolerations = Trees.items(spec, "tolerations");
    for (int i = 0; i < tolerations.size(); i++) {
      errs.addAll(validateToleration(tolerations.get(i), path + "[" + i + "]"));
    }
    return errs;
  }

  private static List<FieldError> validateToleration(JsonNode toleration, String path) {
    List<FieldError> errs = new ArrayList<>();
    String key = Trees.text(toleration, "key", "");
    String operator = Trees.text(toleration, "operator", "");
    String value = Trees.text(toleration, "value", "");
    String effect = Trees.text(toleration, "effect", "");
    if (!key.isEmpty()) {
      Names.qualifiedName(key)
          .forEach(msg -> errs.add(FieldError.invalid(path + ".key", key, msg)));
    }
    if (key.isEmpty() && !operator.equals("Exists")) {
      errs.add(
          FieldError.invalid(
              path + ".operator",
              operator,
              "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
    }
    if (Trees.present(toleration, "tolerationSeconds") && !effect.equals("NoExecute")) {
      errs.add(
          FieldError.invalid(
              path + ".effect",
              effect,
              "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    errs.addAll(validateOperator(operator, value, path));
    if (!effect.isEmpty() && !TAINT_EFFECTS.contains(effect)) {
      errs.add(FieldError.notSupported(path + ".effect", effect, TAINT_EFFECTS));
    }
    return errs;
  }

  private static List<FieldError> validateOperator(String operator, String value, String path) {
    List<FieldError> errs = new ArrayList<>();
    switch (operator) {
      case "Equal", "" -> {
        List<String> msgs = Names.labelValue(value);
        if (!msgs.isEmpty()) {
          errs.add(FieldError.invalid(path + ".operator", value, String.join(";", msgs)));
        }
      }
      case "Exists" -> {
        if (!value.isEmpty()) {
          errs.add(
              FieldError.invalid(
                  path + ".operator", value, "value must be empty when `operator` is 'Exists'"));
        }
      }
      case "Gt", "Lt" -> {
        if (!value.matches("-?(0|[1-9][0-9]{0,18})")) {
          errs.add(
              FieldError.invalid(
                  path + ".value",
                  value,
                  "must be a valid integer when `operator` is 'Gt' or 'Lt'"));
        }
      }
      default ->
          errs.add(FieldError.notSupported(path + ".operator", operator, TOLERATION_OPERATORS));
    }
    return errs;
  }

  private static List<FieldError> validateTopologySpread(JsonNode spec, String path) {
    List<FieldError> errs = new ArrayList<>();
    List<JsonNode> constraints = Trees.items(spec, "topologySpreadConstraints");
    for (int i = 0; i < constraints.size(); i++) {
      JsonNode constraint = constraints.get(i);
      String cpath = path + "[" + i + "]";
      long maxSkew =
          Trees.number(constraint, "maxSkew") == null ? 0 : Trees.number(constraint, "maxSkew");
      if (maxSkew <= 0) {
        errs.add(FieldError.invalid(cpath + ".maxSkew", maxSkew, Numbers.NOT_POSITIVE));
      }
      String topologyKey = Trees.text(constraint, "topologyKey", "");
      if (topologyKey.isEmpty()) {
        errs.add(FieldError.required(cpath + ".topologyKey", "can not be empty"));
      }
      String when = Trees.text(constraint, "whenUnsatisfiable", "");
      if (!WHEN_UNSATISFIABLE.contains(when)) {
        errs.add(FieldError.notSupported(cpath + ".whenUnsatisfiable", when, WHEN_UNSATISFIABLE));
      }
      if (repeatedLater(constraints, i, topologyKey, when)) {
        errs.add(
            FieldError.duplicate(
                cpath + ".{topologyKey, whenUnsatisfiable}",
                "{" + topologyKey + ", " + when + "}"));
      }
      errs.addAll(validateMinDomains(constraint, when, cpath + ".minDomains"));
      for (String policy : List.of("nodeAffinityPolicy", "nodeTaintsPolicy")) {
        String value = Trees.text(constraint, policy);
        if (value != null && !INCLUSION_POLICIES.contains(value)) {
          errs.add(FieldError.notSupported(cpath + "." + policy, value, INCLUSION_POLICIES));
        }
      }
      errs.addAll(
          LabelSelectors.validate(constraint.get("labelSelector"), cpath + ".labelSelector"));
    }
    return errs;
  }

  /** {@code ValidateSpreadConstraintNotRepeat}: the same pair again after index {@code i}. */
  private static boolean repeatedLater(
      List<JsonNode> constraints, int i, String topologyKey, String when) {
    for (int j = i + 1; j < constraints.size(); j++) {
      if (topologyKey.equals(Trees.text(constraints.get(j), "topologyKey", ""))
          && when.equals(Trees.text(constraints.get(j), "whenUnsatisfiable", ""))) {
        return true;
      }
    }
    return false;
  }

  private static List<FieldError> validateMinDomains(
      JsonNode constraint, String when, String path) {
    Long minDomains = Trees.number(constraint, "minDomains");
    if (minDomains == null) {
      return List.of();
    }
    List<FieldError> errs = new ArrayList<>();
    if (minDomains <= 0) {
      errs.add(FieldError.invalid(path, minDomains, Numbers.NOT_POSITIVE));
    }
    if (!when.equals("DoNotSchedule")) {
      errs.add(
          FieldError.invalid(
              path,
              minDomains,
              "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not " + when));
    }
    return errs;
  }

  private static List<FieldError> validateGates(JsonNode spec, String path) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<JsonNode> gates = Trees.items(spec, "schedulingGates");
    for (int i = 0; i < gates.size(); i++) {
      String name = Trees.text(gates.get(i), "name", "");
      String gpath = path + "[" + i + "]";
      Names.qualifiedName(name).forEach(msg -> errs.add(FieldError.invalid(gpath, name, msg)));
      if (!seen.add(name)) {
        errs.add(FieldError.duplicate(gpath, name));
      }
    }
    return errs;
  }
}
