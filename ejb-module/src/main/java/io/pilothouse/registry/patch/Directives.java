package io.pilothouse.registry.patch;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The directives of a strategic merge patch ({@code $patch}, {@code $retainKeys}, {@code
 * $setElementOrder/<field>}, {@code $deleteFromPrimitiveList/<field>}) and the one rule that keeps
 * them, and {@code null}s, out of what the patch adds where there is nothing to merge with.
 */
final class Directives {

  static final String PATCH = "$patch";
  static final String DELETE = "delete";
  static final String REPLACE = "replace";
  static final String MERGE = "merge";
  static final String RETAIN_KEYS = "$retainKeys";
  static final String SET_ELEMENT_ORDER = "$setElementOrder";
  static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";

  private Directives() {}

  static boolean isDirective(String key) {
    return key.equals(PATCH)
        || key.equals(RETAIN_KEYS)
        || key.startsWith(SET_ELEMENT_ORDER)
        || key.startsWith(DELETE_FROM_PRIMITIVE_LIST);
  }

  /** The field a {@code <prefix>/<field>} directive names. */
  static String fieldOf(String key, String prefix, FieldPath path) {
    if (!key.startsWith(prefix + "/") || key.length() == prefix.length() + 1) {
      throw PatchException.malformed(
          "strategic merge patch: " + key + " at " + path + " must be " + prefix + "/<field>");
    }
    return key.substring(prefix.length() + 1);
  }

  /** The {@code $patch} directive of a map, or null when it has none. */
  static String patchDirective(JsonNode map, FieldPath path) {
    if (!map.isObject() || !map.has(PATCH)) {
      return null;
    }
    JsonNode directive = map.get(PATCH);
    if (!directive.isString()) {
      throw PatchException.malformed(
          "strategic merge patch: $patch at " + path + " must be a string, got " + directive);
    }
    return directive.stringValue();
  }

  static PatchException unknownDirective(String directive, FieldPath path) {
    return PatchException.malformed(
        "strategic merge patch: unknown $patch directive \"" + directive + "\" at " + path);
  }

  /**
   * A patch value as it enters the result where there is nothing to merge it with: directives and
   * {@code null} map values removed, list elements that carry {@code $patch} dropped. Returns null
   * for a map marked {@code $patch: delete}, which the caller leaves out.
   */
  static JsonNode strip(JsonNode value, FieldPath path) {
    if (value.isObject()) {
      return stripMap(value, path);
    }
    if (value.isArray()) {
      ArrayNode stripped = JsonNodeFactory.instance.arrayNode(value.size());
      for (JsonNode element : value) {
        if (patchDirective(element, path) == null) {
          stripped.add(strip(element, path));
        }
      }
      return stripped;
    }
    return value;
  }

  private static ObjectNode stripMap(JsonNode map, FieldPath path) {
    String directive = patchDirective(map, path);
    if (DELETE.equals(directive)) {
      return null;
    }
    if (directive != null && !REPLACE.equals(directive)) {
      throw unknownDirective(directive, path);
    }
    ObjectNode stripped = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> field : map.properties()) {
      if (isDirective(field.getKey()) || field.getValue().isNull()) {
        continue;
      }
      JsonNode value = strip(field.getValue(), path.child(field.getKey()));
      if (value != null) {
        stripped.set(field.getKey(), value);
      }
    }
    return stripped;
  }
}
