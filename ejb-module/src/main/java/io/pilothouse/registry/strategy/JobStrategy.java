package io.pilothouse.registry.strategy;

import io.pilothouse.registry.ObjectNodes;
import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.GoValues;
import io.pilothouse.registry.validation.Trees;
import io.pilothouse.store.FieldSelector;
import io.pilothouse.store.IndexedFields;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jobs ({@code batch/v1}): a selector and template labels generated from the uid unless {@code
 * manualSelector} is set (as upstream's {@code generateSelector}), upstream's defaults (one
 * completion, backoff limit 6, NonIndexed, not suspended, replacement on termination or failure),
 * the Job's labels copied from its template, generation counted on spec changes, status only
 * through {@code /status}, and {@code status.successful} selectable.
 */
public class JobStrategy implements ResourceStrategy {

  /** Upstream's conversion for batch/v1 Jobs, with its own message. */
  private static final FieldLabelConversion FIELD_LABELS =
      FieldLabelConversion.of(
              FieldSelector.METADATA_NAME, FieldSelector.METADATA_NAMESPACE, "status.successful")
          .withRefusal(
              label -> "field label " + GoValues.goQuote(label) + " not supported for batchv1.Job");

  static final String CONTROLLER_UID = "batch.kubernetes.io/controller-uid";
  static final String JOB_NAME = "batch.kubernetes.io/job-name";
  static final String LEGACY_CONTROLLER_UID = "controller-uid";
  static final String LEGACY_JOB_NAME = "job-name";

  @Override
  public boolean tracksGeneration() {
    return true;
  }

  @Override
  public void prepareForCreate(ObjectNode job) {
    ObjectNode spec = Trees.ensureObject(job, "spec");
    copyTemplateLabels(job);
    if (!Trees.isTrue(spec, "manualSelector")) {
      generateSelector(job, spec);
    }
    applyDefaults(job, spec);
    job.putObject("status");
  }

  @Override
  public void prepareForUpdate(ObjectNode job, ObjectNode old) {
    applyDefaults(job, Trees.ensureObject(job, "spec"));
    StatusSplit.keepStatus(job, old);
  }

  @Override
  public void prepareForStatusUpdate(ObjectNode job, ObjectNode old) {
    StatusSplit.keepAllButStatus(job, old);
  }

  /** Upstream's {@code generateSelector}: labels every pod with the job's uid and name. */
  private static void generateSelector(ObjectNode job, ObjectNode spec) {
    String uid = Trees.text(ObjectNodes.metadata(job), "uid", "");
    String name = Trees.text(ObjectNodes.metadata(job), "name", "");
    ObjectNode template = Trees.ensureObject(spec, "template");
    ObjectNode labels = Trees.ensureObject(Trees.ensureObject(template, "metadata"), "labels");
    for (String key : List.of(LEGACY_JOB_NAME, JOB_NAME)) {
      Trees.putIfAbsent(labels, key, name);
    }
    for (String key : List.of(LEGACY_CONTROLLER_UID, CONTROLLER_UID)) {
      Trees.putIfAbsent(labels, key, uid);
    }
    ObjectNode matchLabels =
        Trees.ensureObject(Trees.ensureObject(spec, "selector"), "matchLabels");
    Trees.putIfAbsent(matchLabels, CONTROLLER_UID, uid);
  }

  private static void applyDefaults(ObjectNode job, ObjectNode spec) {
    if (!Trees.present(spec, "completions") && !Trees.present(spec, "parallelism")) {
      spec.put("completions", 1);
    }
    Trees.putIfAbsent(spec, "parallelism", 1);
    Trees.putIfAbsent(
        spec, "backoffLimit", Trees.present(spec, "backoffLimitPerIndex") ? Integer.MAX_VALUE : 6);
    Trees.putIfAbsent(spec, "completionMode", "NonIndexed");
    Trees.putIfAbsent(spec, "suspend", false);
    ObjectNode failurePolicy = Trees.object(spec, "podFailurePolicy");
    for (ObjectNode rule : Trees.objects(failurePolicy, "rules")) {
      for (ObjectNode pattern : Trees.objects(rule, "onPodConditions")) {
        Trees.putIfAbsent(pattern, "status", "True");
      }
    }
    Trees.putIfAbsent(
        spec, "podReplacementPolicy", failurePolicy != null ? "Failed" : "TerminatingOrFailed");
    copyTemplateLabels(job);
    WorkloadValidation.applyTemplateDefaults(spec);
  }

  /** {@code SetDefaults_Job}: a Job without labels takes its template's. */
  private static void copyTemplateLabels(ObjectNode job) {
    JsonNode templateLabels = job.path("spec").path("template").path("metadata").get("labels");
    ObjectNode metadata = ObjectNodes.metadata(job);
    if (templateLabels != null
        && templateLabels.isObject()
        && !templateLabels.isEmpty()
        && Trees.size(metadata, "labels") == 0) {
      metadata.set("labels", templateLabels.deepCopy());
    }
  }

  @Override
  public List<FieldError> validate(ObjectNode job) {
    return JobValidation.validate(job);
  }

  @Override
  public List<FieldError> validateUpdate(ObjectNode job, ObjectNode old) {
    return JobValidation.validateUpdate(job, old);
  }

  @Override
  public void indexFields(ObjectNode job, IndexedFields.Builder fields) {
    Long succeeded = Trees.number(job.path("status"), "succeeded");
    fields.field("status.successful", Long.toString(succeeded == null ? 0 : succeeded));
  }

  /** The labels a generated selector expects on the template. */
  static Map<String, String> expectedLabels(String uid, String name) {
    return Map.of(
        LEGACY_CONTROLLER_UID, uid, CONTROLLER_UID, uid, LEGACY_JOB_NAME, name, JOB_NAME, name);
  }

  @Override
  public FieldLabelConversion fieldLabelConversion() {
    return FIELD_LABELS;
  }
}
