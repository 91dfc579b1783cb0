package io.pilothouse.registry.strategy;

import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.Immutable;
import io.pilothouse.registry.validation.Trees;
import io.pilothouse.store.IndexedFields;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * ReplicaSets ({@code apps/v1}): one replica by default, pod-spec defaults in the template,
 * generation counted on spec changes, status only through {@code /status} (which keeps spec and
 * labels), an immutable selector that must match the template, and {@code status.replicas} indexed
 * as upstream's selectable fields have it. The API lets no field selector name it, as upstream's
 * (apps/v1 registers no field label conversion: kubernetes/kubernetes#135136).
 */
public class ReplicaSetStrategy implements ResourceStrategy {

  @Override
  public boolean tracksGeneration() {
    return true;
  }

  @Override
  public void prepareForCreate(ObjectNode replicaSet) {
    applyDefaults(replicaSet);
    replicaSet.putObject("status").put("replicas", 0);
  }

  @Override
  public void prepareForUpdate(ObjectNode replicaSet, ObjectNode old) {
    applyDefaults(replicaSet);
    StatusSplit.keepStatus(replicaSet, old);
  }

  @Override
  public void prepareForStatusUpdate(ObjectNode replicaSet, ObjectNode old) {
    StatusSplit.keepAllButStatus(replicaSet, old);
    StatusSplit.keepMetadata(replicaSet, old, "labels");
  }

  private static void applyDefaults(ObjectNode replicaSet) {
    ObjectNode spec = Trees.ensureObject(replicaSet, "spec");
    Trees.putIfAbsent(spec, "replicas", 1);
    WorkloadValidation.applyTemplateDefaults(spec);
  }

  @Override
  public List<FieldError> validate(ObjectNode replicaSet) {
    return WorkloadValidation.validateReplicated(replicaSet.path("spec"));
  }

  @Override
  public List<FieldError> validateUpdate(ObjectNode replicaSet, ObjectNode old) {
    List<FieldError> errs = new ArrayList<>(validate(replicaSet));
    errs.addAll(
        Immutable.check(replicaSet.path("spec"), old.path("spec"), "selector", "spec.selector"));
    return errs;
  }

  @Override
  public void indexFields(ObjectNode replicaSet, IndexedFields.Builder fields) {
    Long replicas = Trees.number(replicaSet.path("status"), "replicas");
    fields.field("status.replicas", Long.toString(replicas == null ? 0 : replicas));
  }
}
