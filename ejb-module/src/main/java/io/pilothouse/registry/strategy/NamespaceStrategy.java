package io.pilothouse.registry.strategy;

import io.pilothouse.registry.ObjectNodes;
import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.NameRule;
import io.pilothouse.registry.validation.Names;
import io.pilothouse.registry.validation.ObjectMetaValidation;
import io.pilothouse.registry.validation.Trees;
import io.pilothouse.store.FieldSelector;
import io.pilothouse.store.IndexedFields;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Namespaces ({@code core/v1}, cluster-scoped, DNS-1123 label names): created Active with the
 * {@code kubernetes} finalizer the namespace controller removes once the contents are gone,
 * Terminating from their delete on, and labelled {@code kubernetes.io/metadata.name}. Main updates
 * keep status and finalizers (the {@code finalize} subresource changes those); status writes keep
 * the spec.
 */
public class NamespaceStrategy implements ResourceStrategy {

  /** Upstream's conversion for Namespaces, which leaves out {@code metadata.namespace}. */
  private static final FieldLabelConversion FIELD_LABELS =
      FieldLabelConversion.of("status.phase", FieldSelector.METADATA_NAME);

  static final String NAME_LABEL = "kubernetes.io/metadata.name";

  @Override
  public NameRule nameRule() {
    return NameRule.DNS1123_LABEL;
  }

  @Override
  public void prepareForCreate(ObjectNode namespace) {
    ObjectNode status = namespace.putObject("status");
    status.put("phase", "Active");
    ArrayNode finalizers = Trees.ensureArray(Trees.ensureObject(namespace, "spec"), "finalizers");
    if (!Trees.strings(namespace.get("spec"), "finalizers").contains("kubernetes")) {
      finalizers.add("kubernetes");
    }
    labelWithName(namespace);
  }

  @Override
  public void prepareForUpdate(ObjectNode namespace, ObjectNode old) {
    ObjectNode spec = Trees.ensureObject(namespace, "spec");
    if (old.path("spec").has("finalizers")) {
      spec.set("finalizers", old.path("spec").get("finalizers").deepCopy());
    } else {
      spec.remove("finalizers");
    }
    StatusSplit.keepStatus(namespace, old);
    labelWithName(namespace);
  }

  /** As upstream's namespace storage: a deleted namespace is {@code Terminating} at once. */
  @Override
  public void prepareForDelete(ObjectNode namespace) {
    Trees.ensureObject(namespace, "status").put("phase", "Terminating");
  }

  @Override
  public void prepareForStatusUpdate(ObjectNode namespace, ObjectNode old) {
    StatusSplit.keepAllButStatus(namespace, old);
  }

  @Override
  public List<FieldError> validate(ObjectNode namespace) {
    List<FieldError> errs = new ArrayList<>();
    for (String finalizer : Trees.strings(namespace.get("spec"), "finalizers")) {
      Names.qualifiedName(finalizer)
          .forEach(msg -> errs.add(FieldError.invalid("spec.finalizers", finalizer, msg)));
      errs.addAll(ObjectMetaValidation.validateKubeFinalizerName(finalizer, "spec.finalizers"));
    }
    return errs;
  }

  /** Finalizer names, and upstream's {@code ValidateNamespaceStatusUpdate} when status changed. */
  @Override
  public List<FieldError> validateUpdate(ObjectNode namespace, ObjectNode old) {
    List<FieldError> errs = validate(namespace);
    if (java.util.Objects.equals(namespace.get("status"), old.get("status"))) {
      return errs;
    }
    String phase = Trees.text(namespace.get("status"), "phase", "");
    boolean deleting = Trees.present(namespace.get("metadata"), "deletionTimestamp");
    if (!deleting && !phase.equals("Active")) {
      errs.add(
          FieldError.invalid(
              "status.Phase", phase, "may only be 'Active' if `deletionTimestamp` is empty"));
    } else if (deleting && !phase.equals("Terminating")) {
      errs.add(
          FieldError.invalid(
              "status.Phase",
              phase,
              "may only be 'Terminating' if `deletionTimestamp` is not empty"));
    }
    return errs;
  }

  @Override
  public void indexFields(ObjectNode namespace, IndexedFields.Builder fields) {
    fields.field("status.phase", Trees.text(namespace.path("status"), "phase", ""));
  }

  private static void labelWithName(ObjectNode namespace) {
    String name = ObjectNodes.name(namespace);
    if (name != null && !name.isEmpty()) {
      Trees.ensureObject(ObjectNodes.metadata(namespace), "labels").put(NAME_LABEL, name);
    }
  }

  @Override
  public FieldLabelConversion fieldLabelConversion() {
    return FIELD_LABELS;
  }
}
