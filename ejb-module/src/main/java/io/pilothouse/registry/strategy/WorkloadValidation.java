package io.pilothouse.registry.strategy;

import io.pilothouse.registry.strategy.pod.PodSpecValidation;
import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.GoValues;
import io.pilothouse.registry.validation.LabelSelectors;
import io.pilothouse.registry.validation.Numbers;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What Deployments and ReplicaSets share (upstream's {@code ValidateReplicaSetSpec} and {@code
 * ValidatePodTemplateSpecForReplicaSet}), and the selector/template match Jobs use too: a non-empty
 * selector that matches the template's labels, a valid template whose pods always restart, and
 * non-negative counts.
 */
final class WorkloadValidation {

  static final String SELECTOR_MISMATCH = "`selector` does not match template `labels`";

  private WorkloadValidation() {}

  /** {@code spec.replicas}, {@code spec.selector} and {@code spec.template} of an apps/v1 kind. */
  static List<FieldError> validateReplicated(JsonNode spec) {
    List<FieldError> errs = new ArrayList<>();
    errs.addAll(Numbers.nonNegative(spec, "replicas", "spec.replicas"));
    errs.addAll(Numbers.nonNegative(spec, "minReadySeconds", "spec.minReadySeconds"));
    JsonNode selector = spec.get("selector");
    List<FieldError> selectorErrs = LabelSelectors.validate(selector, "spec.selector");
    if (selector == null || selector.isNull()) {
      errs.add(FieldError.required("spec.selector"));
    } else {
      errs.addAll(selectorErrs);
      if (LabelSelectors.isEmpty(selector)) {
        errs.add(
            FieldError.invalid(
                "spec.selector",
                GoValues.of(selector),
                "empty selector is invalid for deployment"));
      }
    }
    if (!selectorErrs.isEmpty()) {
      errs.add(
          FieldError.invalid("spec.selector", GoValues.of(selector), "invalid label selector"));
      return errs;
    }
    JsonNode template = spec.get("template");
    errs.addAll(validateSelectorMatch(selector, template, "spec.template.metadata.labels"));
    errs.addAll(PodSpecValidation.validateTemplate(template, "spec.template"));
    JsonNode podSpec = template == null ? null : template.get("spec");
    String restartPolicy = Trees.text(podSpec, "restartPolicy", "");
    if (!restartPolicy.equals("Always")) {
      errs.add(
          FieldError.notSupported(
              "spec.template.spec.restartPolicy", restartPolicy, List.of("Always")));
    }
    Long deadline = Trees.number(podSpec, "activeDeadlineSeconds");
    if (deadline != null) {
      errs.add(
          FieldError.invalid(
              "spec.template.spec.activeDeadlineSeconds",
              deadline,
              "activeDeadlineSeconds in ReplicaSet is not Supported"));
    }
    return errs;
  }

  /**
   * The template labels must satisfy the selector, unless the selector is {@code {}} (which selects
   * everything); a missing selector selects nothing, so it never matches.
   */
  static List<FieldError> validateSelectorMatch(JsonNode selector, JsonNode template, String path) {
    boolean everything =
        selector != null && selector.isObject() && LabelSelectors.isEmpty(selector);
    JsonNode metadata = template == null ? null : template.get("metadata");
    Map<String, String> labels = Trees.stringMap(metadata, "labels");
    if (everything || LabelSelectors.matches(selector, labels)) {
      return List.of();
    }
    Object shown =
        Trees.present(metadata, "labels")
            ? GoValues.map(labels)
            : new GoValues.Rendered("map[string]string(nil)");
    return List.of(FieldError.invalid(path, shown, SELECTOR_MISMATCH));
  }

  /** The template's pod spec gets the pod-spec defaults. */
  static void applyTemplateDefaults(tools.jackson.databind.node.ObjectNode spec) {
    tools.jackson.databind.node.ObjectNode template = Trees.ensureObject(spec, "template");
    io.pilothouse.registry.strategy.pod.PodSpecDefaults.apply(Trees.ensureObject(template, "spec"));
  }
}
