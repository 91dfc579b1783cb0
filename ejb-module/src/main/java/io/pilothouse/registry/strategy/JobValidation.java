package io.pilothouse.registry.strategy;

import io.pilothouse.registry.strategy.pod.PodSpecValidation;
import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.GoValues;
import io.pilothouse.registry.validation.Immutable;
import io.pilothouse.registry.validation.LabelSelectors;
import io.pilothouse.registry.validation.Numbers;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upstream's {@code ValidateJob} and {@code ValidateJobUpdate}: the generated selector and labels,
 * counts, completion mode rules, a template whose pods restart OnFailure or Never, and on update an
 * immutable selector, completions (elastic for Indexed jobs), template (scheduling directives
 * excepted while suspended and never started) and policies. Pod failure and success policies are
 * checked by {@link JobPolicyValidation}.
 */
final class JobValidation {

  static final int MAX_INDEXED_PARALLELISM = 100000;
  private static final String TEMPLATE_META = "spec.template.metadata";

  private JobValidation() {}

  static List<FieldError> validate(ObjectNode job) {
    List<FieldError> errs = new ArrayList<>(validateGeneratedSelector(job));
    JsonNode spec = job.path("spec");
    errs.addAll(validateSpec(spec));
    JsonNode selector = spec.get("selector");
    if (selector == null || selector.isNull()) {
      errs.add(FieldError.required("spec.selector"));
    } else {
      List<FieldError> selectorErrs = LabelSelectors.validate(selector, "spec.selector");
      errs.addAll(selectorErrs);
      if (selectorErrs.isEmpty()) {
        errs.addAll(
            WorkloadValidation.validateSelectorMatch(
                selector, spec.get("template"), "spec.template.metadata.labels"));
      }
    }
    return errs;
  }

  private static List<FieldError> validateGeneratedSelector(ObjectNode job) {
    JsonNode spec = job.path("spec");
    if (Trees.isTrue(spec, "manualSelector") || !Trees.present(spec, "selector")) {
      return List.of();
    }
    List<FieldError> errs = new ArrayList<>();
    String uid = Trees.text(job.path("metadata"), "uid", "");
    String name = Trees.text(job.path("metadata"), "name", "");
    if (uid.isEmpty()) {
      errs.add(FieldError.required("metadata.uid"));
    }
    Map<String, String> labels = Trees.stringMap(spec.path("template").path("metadata"), "labels");
    for (Map.Entry<String, String> expected :
        List.of(
            Map.entry(JobStrategy.LEGACY_CONTROLLER_UID, uid),
            Map.entry(JobStrategy.LEGACY_JOB_NAME, name),
            Map.entry(JobStrategy.CONTROLLER_UID, uid),
            Map.entry(JobStrategy.JOB_NAME, name))) {
      errs.addAll(hasLabel(labels, expected.getKey(), expected.getValue()));
    }
    if (!LabelSelectors.matches(spec.get("selector"), JobStrategy.expectedLabels(uid, name))) {
      errs.add(
          FieldError.invalid(
              "spec.selector", GoValues.of(spec.get("selector")), "`selector` not auto-generated"));
    }
    return errs;
  }

  /** Upstream's {@code ValidateHasLabel}. */
  private static List<FieldError> hasLabel(
      Map<String, String> labels, String key, String expected) {
    String path = TEMPLATE_META + ".labels[" + key + "]";
    if (!labels.containsKey(key)) {
      return List.of(FieldError.required(path, "must be '" + expected + "'"));
    }
    return labels.get(key).equals(expected)
        ? List.of()
        : List.of(FieldError.invalid(path, GoValues.map(labels), "must be '" + expected + "'"));
  }

  private static List<FieldError> validateSpec(JsonNode spec) {
    List<FieldError> errs = new ArrayList<>();
    for (String field :
        List.of(
            "parallelism",
            "completions",
            "activeDeadlineSeconds",
            "backoffLimit",
            "ttlSecondsAfterFinished",
            "backoffLimitPerIndex",
            "maxFailedIndexes")) {
      errs.addAll(Numbers.nonNegative(spec, field, "spec." + field));
    }
    if (Trees.present(spec, "maxFailedIndexes") && !Trees.present(spec, "backoffLimitPerIndex")) {
      errs.add(
          FieldError.required("spec.backoffLimitPerIndex", "when maxFailedIndexes is specified"));
    }
    errs.addAll(validateCompletionMode(spec));
    errs.addAll(JobPolicyValidation.validate(spec));
    errs.addAll(PodSpecValidation.validateTemplate(spec.get("template"), "spec.template"));
    errs.addAll(validateRestartPolicy(spec));
    return errs;
  }

  private static List<FieldError> validateCompletionMode(JsonNode spec) {
    List<FieldError> errs = new ArrayList<>();
    String mode = Trees.text(spec, "completionMode");
    if (mode != null && !mode.equals("NonIndexed") && !mode.equals("Indexed")) {
      errs.add(
          FieldError.notSupported("spec.completionMode", mode, List.of("NonIndexed", "Indexed")));
    }
    if ("Indexed".equals(mode)) {
      Long completions = Trees.number(spec, "completions");
      Long parallelism = Trees.number(spec, "parallelism");
      Long maxFailed = Trees.number(spec, "maxFailedIndexes");
      if (completions == null) {
        errs.add(FieldError.required("spec.completions", "when completion mode is Indexed"));
      }
      if (parallelism != null && parallelism > MAX_INDEXED_PARALLELISM) {
        errs.add(
            FieldError.invalid(
                "spec.parallelism",
                parallelism,
                "must be less than or equal to "
                    + MAX_INDEXED_PARALLELISM
                    + " when completion mode is Indexed"));
      }
      if (completions != null && maxFailed != null && maxFailed > completions) {
        errs.add(
            FieldError.invalid(
                "spec.maxFailedIndexes", maxFailed, "must be less than or equal to completions"));
      }
    } else {
      for (String field : List.of("backoffLimitPerIndex", "maxFailedIndexes")) {
        Long value = Trees.number(spec, field);
        if (value != null) {
          errs.add(FieldError.invalid("spec." + field, value, "requires indexed completion mode"));
        }
      }
    }
    return errs;
  }

  private static List<FieldError> validateRestartPolicy(JsonNode spec) {
    String path = "spec.template.spec.restartPolicy";
    String policy = Trees.text(spec.path("template").path("spec"), "restartPolicy", "");
    if (policy.isEmpty() || policy.equals("Always")) {
      return List.of(FieldError.required(path, "valid values: [\"OnFailure\" \"Never\"]"));
    }
    if (!policy.equals("OnFailure") && !policy.equals("Never")) {
      return List.of(FieldError.notSupported(path, policy, List.of("OnFailure", "Never")));
    }
    if (Trees.present(spec, "podFailurePolicy") && !policy.equals("Never")) {
      return List.of(
          FieldError.invalid(
              path, policy, "only \"Never\" is supported when podFailurePolicy is specified"));
    }
    return List.of();
  }

  static List<FieldError> validateUpdate(ObjectNode job, ObjectNode old) {
    List<FieldError> errs = new ArrayList<>(validate(job));
    JsonNode spec = job.path("spec");
    JsonNode oldSpec = old.path("spec");
    errs.addAll(validateCompletionsUpdate(spec, oldSpec));
    errs.addAll(Immutable.check(spec, oldSpec, "selector", "spec.selector"));
    errs.addAll(validateTemplateUpdate(spec, oldSpec, old));
    for (String field :
        List.of(
            "completionMode",
            "podFailurePolicy",
            "backoffLimitPerIndex",
            "managedBy",
            "successPolicy")) {
      errs.addAll(Immutable.check(spec, oldSpec, field, "spec." + field));
    }
    return errs;
  }

  private static List<FieldError> validateCompletionsUpdate(JsonNode spec, JsonNode oldSpec) {
    if (!"Indexed".equals(Trees.text(spec, "completionMode"))) {
      return Immutable.check(spec, oldSpec, "completions", "spec.completions");
    }
    Long completions = Trees.number(spec, "completions");
    if (completions == null || Objects.equals(completions, Trees.number(oldSpec, "completions"))) {
      return List.of();
    }
    return completions.equals(Trees.number(spec, "parallelism"))
        ? List.of()
        : List.of(
            FieldError.invalid(
                "spec.completions",
                completions,
                "can only be modified in tandem with spec.parallelism"));
  }

  /** The template is immutable, but a suspended job that never started may change where it runs. */
  private static List<FieldError> validateTemplateUpdate(
      JsonNode spec, JsonNode oldSpec, ObjectNode old) {
    JsonNode template = spec.get("template");
    JsonNode oldTemplate = oldSpec.get("template");
    boolean mutableScheduling =
        Trees.isTrue(oldSpec, "suspend") && !Trees.present(old.path("status"), "startTime");
    if (mutableScheduling
        && template instanceof ObjectNode current
        && oldTemplate instanceof ObjectNode previous) {
      oldTemplate = schedulingFrom(previous.deepCopy(), current);
    }
    return Objects.equals(template, oldTemplate)
        ? List.of()
        : List.of(Immutable.error("spec.template", GoValues.of(template)));
  }

  private static JsonNode schedulingFrom(ObjectNode oldTemplate, ObjectNode template) {
    ObjectNode oldMeta = Trees.ensureObject(oldTemplate, "metadata");
    ObjectNode oldPodSpec = Trees.ensureObject(oldTemplate, "spec");
    JsonNode meta = template.path("metadata");
    JsonNode podSpec = template.path("spec");
    for (String field : List.of("labels", "annotations")) {
      replace(oldMeta, field, meta.get(field));
    }
    for (String field : List.of("nodeSelector", "tolerations", "schedulingGates")) {
      replace(oldPodSpec, field, podSpec.get(field));
    }
    JsonNode nodeAffinity = podSpec.path("affinity").get("nodeAffinity");
    ObjectNode affinity = Trees.object(oldPodSpec, "affinity");
    if (affinity != null) {
      replace(affinity, "nodeAffinity", nodeAffinity);
      if (affinity.isEmpty() && !podSpec.has("affinity")) {
        oldPodSpec.remove("affinity");
      }
    } else if (nodeAffinity != null) {
      oldPodSpec.putObject("affinity").set("nodeAffinity", nodeAffinity.deepCopy());
    }
    if (meta.isMissingNode() && oldMeta.isEmpty()) {
      oldTemplate.remove("metadata");
    }
    return oldTemplate;
  }

  private static void replace(ObjectNode node, String field, JsonNode value) {
    if (value == null) {
      node.remove(field);
    } else {
      node.set(field, value.deepCopy());
    }
  }
}
