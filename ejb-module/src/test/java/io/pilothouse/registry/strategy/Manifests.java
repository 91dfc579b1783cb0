package io.pilothouse.registry.strategy;

import io.pilothouse.json.KubernetesJson;
import io.pilothouse.registry.ObjectMetaWriter;
import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.ObjectMetaValidation;
import io.pilothouse.registry.validation.Trees;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Test helpers that run an object through the registry's create and update steps the way the
 * registry does: server metadata, the kind's defaults, metadata validation and the kind's own.
 */
final class Manifests {

  static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node");

  private Manifests() {}

  /** Parses one YAML (or JSON) document. */
  static ObjectNode yaml(String text) {
    return (ObjectNode) YAML.readTree(text);
  }

  /** Parses any YAML value (an array, a scalar...). */
  static JsonNode yamlValue(String text) {
    return YAML.readTree(text);
  }

  /** {@code base} with a JSON merge patch (RFC 7386, written as YAML) applied, as a new tree. */
  static ObjectNode merged(ObjectNode base, String patchYaml) {
    ObjectNode result = base.deepCopy();
    merge(result, yaml(patchYaml));
    return result;
  }

  private static void merge(ObjectNode target, ObjectNode patch) {
    for (java.util.Map.Entry<String, JsonNode> entry : patch.properties()) {
      JsonNode value = entry.getValue();
      JsonNode current = target.get(entry.getKey());
      if (value.isNull()) {
        target.remove(entry.getKey());
      } else if (value instanceof ObjectNode patchObject
          && current instanceof ObjectNode currentObject) {
        merge(currentObject, patchObject);
      } else {
        target.set(entry.getKey(), value.deepCopy());
      }
    }
  }

  /** Parses JSON with the server's mapper. */
  static ObjectNode json(String text) {
    return (ObjectNode) KubernetesJson.mapper().readTree(text);
  }

  static String group(JsonNode object) {
    String apiVersion = Trees.text(object, "apiVersion", "v1");
    return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
  }

  static ResourceStrategy strategy(JsonNode object) {
    return Strategies.forKind(group(object), Trees.text(object, "kind", ""));
  }

  static boolean namespaced(JsonNode object) {
    return !CLUSTER_SCOPED.contains(Trees.text(object, "kind", ""));
  }

  /** Server metadata, namespace {@code default} when absent, then the kind's create defaults. */
  static ObjectNode created(ObjectNode object) {
    ResourceStrategy strategy = strategy(object);
    ObjectNode metadata = Trees.ensureObject(object, "metadata");
    if (namespaced(object)) {
      Trees.putIfAbsent(metadata, "namespace", "default");
    }
    ObjectMetaWriter.beforeCreate(metadata, strategy.tracksGeneration(), Instant.now());
    strategy.prepareForCreate(object);
    return object;
  }

  /** The errors a create gets: metadata and the kind's validation. */
  static List<FieldError> createErrors(ObjectNode object) {
    ResourceStrategy strategy = strategy(object);
    created(object);
    List<FieldError> errors =
        new ArrayList<>(
            ObjectMetaValidation.validateObjectMeta(
                (ObjectNode) object.get("metadata"), namespaced(object), strategy.nameRule()));
    errors.addAll(strategy.validate(object));
    return errors;
  }

  /** The errors of updating {@code old} (already created) to {@code object}. */
  static List<FieldError> updateErrors(ObjectNode object, ObjectNode old) {
    ResourceStrategy strategy = strategy(object);
    ObjectMetaWriter.carryOver(
        Trees.ensureObject(object, "metadata"), (ObjectNode) old.get("metadata"));
    strategy.prepareForUpdate(object, old);
    return strategy.validateUpdate(object, old);
  }

  /** The {@code field: message} lines of errors, for readable assertions. */
  static List<String> describe(List<FieldError> errors) {
    return errors.stream().map(FieldError::describe).toList();
  }
}
