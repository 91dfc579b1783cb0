package io.pilothouse.registry;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Small accessors for Kubernetes objects held as JSON trees: metadata fields, labels, nested
 * strings. The registry works on trees so that every kind, and fields it does not model, pass
 * through unchanged.
 */
public final class ObjectNodes {

  /** Leaves compare as JSON values: numbers by value, whatever node type holds them. */
  private static final Comparator<JsonNode> BY_VALUE =
      (a, b) -> {
        if (a.equals(b)) {
          return 0;
        }
        return a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : 1;
      };

  private ObjectNodes() {}

  /**
   * Whether two trees are the same JSON document. Unlike {@code equals}, {@code 3} held as an int
   * equals {@code 3} held as a long, so an object the write path rebuilt is recognised as unchanged
   * (and not stored as a new revision).
   */
  public static boolean sameJson(JsonNode a, JsonNode b) {
    return a.equals(BY_VALUE, b);
  }

  /** The object's {@code metadata}, created if absent. */
  public static ObjectNode metadata(ObjectNode object) {
    JsonNode metadata = object.get("metadata");
    if (metadata instanceof ObjectNode node) {
      return node;
    }
    return object.putObject("metadata");
  }

  /** A string at a dotted path such as {@code spec.nodeName}, or null. */
  public static String text(JsonNode object, String path) {
    JsonNode node = at(object, path);
    return node == null || node.isNull() || node.isMissingNode() || node.isContainer()
        ? null
        : node.asString();
  }

  /** The node at a dotted path, or null. */
  public static JsonNode at(JsonNode object, String path) {
    JsonNode node = object;
    for (String part : path.split("\\.")) {
      if (node == null || !node.isObject()) {
        return null;
      }
      node = node.get(part);
    }
    return node;
  }

  /** {@code metadata.name}, or null. */
  public static String name(JsonNode object) {
    return text(object, "metadata.name");
  }

  /** {@code metadata.namespace}, or null. */
  public static String namespace(JsonNode object) {
    return text(object, "metadata.namespace");
  }

  /** A string map such as {@code metadata.labels}; empty when absent. */
  public static Map<String, String> stringMap(JsonNode object, String path) {
    Map<String, String> map = new LinkedHashMap<>();
    JsonNode node = at(object, path);
    if (node != null && node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        map.put(entry.getKey(), entry.getValue().isNull() ? "" : entry.getValue().asString());
      }
    }
    return map;
  }

  /** The object at a dotted path, created (with its parents) if absent. */
  public static ObjectNode objectAt(ObjectNode object, String path) {
    ObjectNode node = object;
    for (String part : path.split("\\.")) {
      JsonNode child = node.get(part);
      node = child instanceof ObjectNode existing ? existing : node.putObject(part);
    }
    return node;
  }
}
