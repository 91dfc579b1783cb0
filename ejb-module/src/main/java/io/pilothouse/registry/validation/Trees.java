package io.pilothouse.registry.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Null-tolerant reads and "set if absent" writes on Kubernetes objects held as JSON trees, the
 * vocabulary that the strategies' defaulting and validation are written in. A field that is absent
 * and a field that is JSON {@code null} read the same, as they decode the same upstream.
 */
public final class Trees {

  private Trees() {}

  /** Whether {@code field} is present and not {@code null}. */
  public static boolean present(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && !value.isNull() && !value.isMissingNode();
  }

  /** The scalar at {@code field} as text, or null when absent, null or not a scalar. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull() || value.isMissingNode() || value.isContainer()) {
      return null;
    }
    return value.asString();
  }

  /** The scalar at {@code field} as text, or {@code fallback}. */
  public static String text(JsonNode node, String field, String fallback) {
    String value = text(node, field);
    return value == null ? fallback : value;
  }

  /** The number at {@code field}, or null when absent or not a number. */
  public static Long number(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isNumber() ? value.asLong() : null;
  }

  /** Whether {@code field} holds the boolean {@code true}. */
  public static boolean isTrue(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isBoolean() && value.booleanValue();
  }

  /** The object at {@code field}, or null. */
  public static ObjectNode object(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value instanceof ObjectNode object ? object : null;
  }

  /** The object at {@code field}, created when absent or not an object. */
  public static ObjectNode ensureObject(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    return value instanceof ObjectNode object ? object : node.putObject(field);
  }

  /** The array at {@code field}, created when absent or not an array. */
  public static ArrayNode ensureArray(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    return value instanceof ArrayNode array ? array : node.putArray(field);
  }

  /** The elements of the array at {@code field}; empty when absent. */
  public static List<JsonNode> items(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || !value.isArray()) {
      return List.of();
    }
    return new ArrayList<>(value.values());
  }

  /** The object elements of the array at {@code field}; other elements are skipped. */
  public static List<ObjectNode> objects(JsonNode node, String field) {
    List<ObjectNode> objects = new ArrayList<>();
    for (JsonNode item : items(node, field)) {
      if (item instanceof ObjectNode object) {
        objects.add(object);
      }
    }
    return objects;
  }

  /** The string elements of the array at {@code field}. */
  public static List<String> strings(JsonNode node, String field) {
    List<String> strings = new ArrayList<>();
    for (JsonNode item : items(node, field)) {
      strings.add(item.isNull() ? "" : item.asString());
    }
    return strings;
  }

  /** The string map at {@code field} (labels, selectors, data), in document order. */
  public static Map<String, String> stringMap(JsonNode node, String field) {
    Map<String, String> map = new LinkedHashMap<>();
    JsonNode value = node == null ? null : node.get(field);
    if (value != null && value.isObject()) {
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        JsonNode v = entry.getValue();
        map.put(entry.getKey(), v.isNull() ? "" : v.asString());
      }
    }
    return map;
  }

  /** The number of elements (array) or properties (object) at {@code field}; 0 when absent. */
  public static int size(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || !value.isContainer() ? 0 : value.size();
  }

  /** Sets {@code field} to {@code value} unless it is present. */
  public static void putIfAbsent(ObjectNode node, String field, String value) {
    if (!present(node, field)) {
      node.put(field, value);
    }
  }

  /** Sets {@code field} to {@code value} unless it is present. */
  public static void putIfAbsent(ObjectNode node, String field, long value) {
    if (!present(node, field)) {
      putNumber(node, field, value);
    }
  }

  /**
   * Sets a number as the JSON parser would have read it (an int when it fits), so that defaulted
   * and decoded trees compare equal.
   */
  public static void putNumber(ObjectNode node, String field, long value) {
    if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
      node.put(field, (int) value);
    } else {
      node.put(field, value);
    }
  }

  /** Sets {@code field} to {@code value} unless it is present. */
  public static void putIfAbsent(ObjectNode node, String field, boolean value) {
    if (!present(node, field)) {
      node.put(field, value);
    }
  }

  /** Sets {@code field} to a copy of {@code value} unless {@code field} is present. */
  public static void copyIfAbsent(ObjectNode node, String field, JsonNode value) {
    if (!present(node, field) && value != null && !value.isNull() && !value.isMissingNode()) {
      node.set(field, value.deepCopy());
    }
  }
}
