package io.pilothouse.openapi;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.pilothouse.json.KubernetesJson;
import io.pilothouse.registry.ResourceType;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds the schema of each kind the API serves, by its fabric8 model class, adds it to the {@link
 * SchemaCatalog} and marks it with {@code x-kubernetes-group-version-kind}: the mark by which
 * {@code kubectl explain} and {@code kubectl apply} find the schema of a manifest's kind.
 */
final class Kinds {

  private static final String MODEL = "io.fabric8.kubernetes.api.model";

  private final SchemaCatalog catalog;

  Kinds(SchemaCatalog catalog) {
    this.catalog = catalog;
  }

  /** The schema of the resource's kind, e.g. {@code io.k8s.api.core.v1.Pod}. */
  String kind(ResourceType type) {
    return schema(type.group(), type.version(), type.kind());
  }

  /** The schema of the resource's list kind, e.g. {@code io.k8s.api.core.v1.PodList}. */
  String list(ResourceType type) {
    return schema(type.group(), type.version(), type.listKind());
  }

  /** autoscaling/v1 {@code Scale}, the body of the {@code scale} subresource. */
  String scale() {
    catalog.addSpecial(SchemaNames.SCALE);
    return SchemaNames.SCALE;
  }

  /** core/v1 {@code Binding}, the body of {@code pods/binding}. */
  String binding() {
    return schema("", "v1", "Binding");
  }

  /** policy/v1 {@code Eviction}, the body of {@code pods/eviction}. */
  String eviction() {
    return schema("policy", "v1", "Eviction");
  }

  /** Marks a schema with one more group, version and kind, once. */
  void tag(String schemaName, Gvk gvk) {
    ObjectNode schema = catalog.get(schemaName);
    JsonNode existing = schema.get("x-kubernetes-group-version-kind");
    ArrayNode gvks =
        existing instanceof ArrayNode array
            ? array
            : schema.putArray("x-kubernetes-group-version-kind");
    ObjectNode node = gvk.toNode();
    for (JsonNode present : gvks) {
      if (present.equals(node)) {
        return;
      }
    }
    gvks.add(node);
  }

  private String schema(String group, String version, String kind) {
    String name =
        modelClass(group, version, kind)
            .map(catalog::add)
            .orElseGet(() -> generic(group, version, kind));
    tag(name, new Gvk(group, version, kind));
    UpstreamDescriptions.describeKind(catalog.get(name));
    return name;
  }

  /** fabric8's class of a kind: {@code ...model.Pod}, {@code ...model.apps.Deployment}... */
  static Optional<Class<?>> modelClass(String group, String version, String kind) {
    String label = group.split("\\.")[0];
    String pkg =
        group.isEmpty()
            ? MODEL
            : group.equals("apps") ? MODEL + ".apps" : MODEL + "." + label + "." + version;
    try {
      return Optional.of(Class.forName(pkg + "." + kind, false, Kinds.class.getClassLoader()));
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }

  /** A kind fabric8 does not model: an object with type and object metadata, nothing checked. */
  private String generic(String group, String version, String kind) {
    String label = group.isEmpty() ? "core" : group.split("\\.")[0];
    String name = "io.k8s.api." + label + "." + version + "." + kind;
    ObjectNode schema = KubernetesJson.mapper().createObjectNode();
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("apiVersion").put("type", "string");
    properties.putObject("kind").put("type", "string");
    properties
        .putObject("metadata")
        .putArray("allOf")
        .addObject()
        .put("$ref", SchemaCatalog.REF_PREFIX + catalog.add(ObjectMeta.class));
    schema.put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
    catalog.put(name, schema);
    return name;
  }
}
