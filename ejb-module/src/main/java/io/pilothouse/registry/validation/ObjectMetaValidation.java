package io.pilothouse.registry.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upstream's {@code ValidateObjectMeta} and {@code ValidateObjectMetaUpdate}: the name in the
 * kind's {@link NameRule}, generateName, namespace presence, labels and annotations syntax and
 * size, owner references and finalizer names. The registry calls it for every write; strategies use
 * {@link #validateLabels} and {@link #validateAnnotations} for embedded templates and selectors.
 */
public final class ObjectMetaValidation {

  /** Upstream's {@code TotalAnnotationSizeLimitB}: 256 KiB over all keys and values. */
  public static final int TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

  private static final Set<String> STANDARD_FINALIZERS =
      Set.of("kubernetes", "orphan", "foregroundDeletion");

  private ObjectMetaValidation() {}

  /** The field errors of a new object's {@code metadata}. */
  public static List<FieldError> validateObjectMeta(
      ObjectNode metadata, boolean namespaced, NameRule rule) {
    List<FieldError> errs = new ArrayList<>();
    String generateName = Trees.text(metadata, "generateName", "");
    if (!generateName.isEmpty()) {
      for (String msg : rule.validate(generateName, true)) {
        errs.add(FieldError.invalid("metadata.generateName", generateName, msg));
      }
    }
    String name = Trees.text(metadata, "name", "");
    if (name.isEmpty()) {
      errs.add(FieldError.required("metadata.name", "name or generateName is required"));
    } else {
      for (String msg : rule.validate(name, false)) {
        errs.add(FieldError.invalid("metadata.name", name, msg));
      }
    }
    errs.addAll(validateNamespace(metadata, namespaced));
    errs.addAll(validateCommon(metadata));
    return errs;
  }

  /** The field errors of an update's {@code metadata} against the stored one. */
  public static List<FieldError> validateObjectMetaUpdate(ObjectNode metadata, ObjectNode old) {
    List<FieldError> errs = new ArrayList<>();
    if (Trees.present(old, "deletionTimestamp")) {
      List<String> added = new ArrayList<>(Trees.strings(metadata, "finalizers"));
      added.removeAll(Trees.strings(old, "finalizers"));
      if (!added.isEmpty()) {
        errs.add(
            FieldError.forbidden(
                "metadata.finalizers",
                "no new finalizers can be added if the object is being deleted, found new"
                    + " finalizers "
                    + GoValues.strings(added.stream().distinct().sorted().toList())));
      }
    }
    Long generation = Trees.number(metadata, "generation");
    Long oldGeneration = Trees.number(old, "generation");
    if (generation != null && oldGeneration != null && generation < oldGeneration) {
      errs.add(FieldError.invalid("metadata.generation", generation, "must not be decremented"));
    }
    for (String field : List.of("name", "namespace", "uid", "creationTimestamp")) {
      String value = Trees.text(metadata, field, "");
      if (!value.equals(Trees.text(old, field, ""))) {
        errs.add(Immutable.error("metadata." + field, value));
      }
    }
    errs.addAll(validateCommon(metadata));
    return errs;
  }

  /** {@code ValidateLabels}: every key a qualified name, every value a label value. */
  public static List<FieldError> validateLabels(JsonNode labels, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (labels == null || !labels.isObject()) {
      return errs;
    }
    for (Map.Entry<String, JsonNode> entry : labels.properties()) {
      for (String msg : Names.qualifiedName(entry.getKey())) {
        errs.add(FieldError.invalid(path, entry.getKey(), msg));
      }
      String value = entry.getValue().isNull() ? "" : entry.getValue().asString();
      for (String msg : Names.labelValue(value)) {
        errs.add(FieldError.invalid(path, value, msg));
      }
    }
    return errs;
  }

  /** {@code ValidateAnnotations}: keys are case-insensitive qualified names; 256 KiB in total. */
  public static List<FieldError> validateAnnotations(JsonNode annotations, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (annotations == null || !annotations.isObject()) {
      return errs;
    }
    long size = 0;
    for (Map.Entry<String, JsonNode> entry : annotations.properties()) {
      for (String msg : Names.qualifiedName(entry.getKey().toLowerCase(Locale.ROOT))) {
        errs.add(FieldError.invalid(path, entry.getKey(), msg));
      }
      size += entry.getKey().length() + entry.getValue().asString().length();
    }
    if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
      errs.add(FieldError.tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
    }
    return errs;
  }

  /**
   * The labels and annotations of an embedded template's metadata ({@code ...template.metadata}).
   */
  public static List<FieldError> validateTemplateMeta(JsonNode metadata, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (metadata != null) {
      errs.addAll(validateLabels(metadata.get("labels"), path + ".labels"));
      errs.addAll(validateAnnotations(metadata.get("annotations"), path + ".annotations"));
    }
    return errs;
  }

  private static List<FieldError> validateNamespace(ObjectNode metadata, boolean namespaced) {
    List<FieldError> errs = new ArrayList<>();
    String namespace = Trees.text(metadata, "namespace", "");
    if (namespaced) {
      if (namespace.isEmpty()) {
        errs.add(FieldError.required("metadata.namespace"));
      } else {
        for (String msg : Names.dns1123Label(namespace)) {
          errs.add(FieldError.invalid("metadata.namespace", namespace, msg));
        }
      }
    } else if (!namespace.isEmpty()) {
      errs.add(FieldError.forbidden("metadata.namespace", "not allowed on this type"));
    }
    return errs;
  }

  private static List<FieldError> validateCommon(ObjectNode metadata) {
    List<FieldError> errs = new ArrayList<>();
    Long generation = Trees.number(metadata, "generation");
    if (generation != null && generation < 0) {
      errs.add(FieldError.invalid("metadata.generation", generation, Numbers.NEGATIVE));
    }
    errs.addAll(validateLabels(metadata.get("labels"), "metadata.labels"));
    errs.addAll(validateAnnotations(metadata.get("annotations"), "metadata.annotations"));
    errs.addAll(validateOwnerReferences(metadata));
    errs.addAll(validateFinalizers(metadata));
    return errs;
  }

  private static List<FieldError> validateOwnerReferences(ObjectNode metadata) {
    List<FieldError> errs = new ArrayList<>();
    String path = "metadata.ownerReferences";
    String controller = null;
    for (JsonNode ref : Trees.items(metadata, "ownerReferences")) {
      String apiVersion = Trees.text(ref, "apiVersion", "");
      String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
      if (version.isEmpty()) {
        errs.add(FieldError.invalid(path + ".apiVersion", apiVersion, "version must not be empty"));
      }
      for (String field : List.of("kind", "name", "uid")) {
        String value = Trees.text(ref, field, "");
        if (value.isEmpty()) {
          errs.add(FieldError.invalid(path + "." + field, value, "must not be empty"));
        }
      }
      if (Trees.isTrue(ref, "controller")) {
        String current = Trees.text(ref, "kind", "") + "/" + Trees.text(ref, "name", "");
        if (controller != null) {
          errs.add(
              FieldError.invalid(
                  path,
                  GoValues.of(metadata.get("ownerReferences")),
                  "Only one reference can have Controller set to true. Found \"true\" in"
                      + " references for "
                      + controller
                      + " and "
                      + current));
        } else {
          controller = current;
        }
      }
    }
    return errs;
  }

  private static List<FieldError> validateFinalizers(ObjectNode metadata) {
    List<FieldError> errs = new ArrayList<>();
    List<String> finalizers = Trees.strings(metadata, "finalizers");
    for (int i = 0; i < finalizers.size(); i++) {
      String finalizer = finalizers.get(i);
      for (String msg : Names.qualifiedName(finalizer)) {
        errs.add(FieldError.invalid("metadata.finalizers", finalizer, msg));
      }
      errs.addAll(validateKubeFinalizerName(finalizer, "metadata.finalizers[" + i + "]"));
    }
    if (finalizers.contains("orphan") && finalizers.contains("foregroundDeletion")) {
      errs.add(
          FieldError.invalid(
              "metadata.finalizers",
              GoValues.strings(finalizers),
              "finalizer orphan and foregroundDeletion cannot be both set"));
    }
    return errs;
  }

  /** {@code validateKubeFinalizerName}: a name without '/' must be a standard one. */
  public static List<FieldError> validateKubeFinalizerName(String finalizer, String path) {
    if (finalizer.contains("/") || STANDARD_FINALIZERS.contains(finalizer)) {
      return List.of();
    }
    return List.of(
        FieldError.invalid(
            path,
            finalizer,
            "name is neither a standard finalizer name nor is it fully qualified"));
  }
}
