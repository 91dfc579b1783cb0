package io.pilothouse.registry.apply;

import io.pilothouse.json.KubernetesJson;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The path elements of {@link FieldSet}s, in upstream's {@code FieldsV1} spelling, and their
 * readable form for conflict messages ({@code .spec.containers[name="web"].image}).
 */
public final class FieldPaths {

  private static final String FIELD = "f:";
  private static final String KEY = "k:";
  private static final String VALUE = "v:";

  private FieldPaths() {}

  /** {@code f:name}. */
  public static String field(String name) {
    return FIELD + name;
  }

  /** {@code k:{"name":"web"}}: the list item whose {@code key} field has {@code value}. */
  public static String key(String key, JsonNode value) {
    ObjectNode keys = KubernetesJson.mapper().createObjectNode();
    keys.set(key, value);
    return KEY + keys;
  }

  /** {@code v:"x"}: a value of a set-like list. */
  public static String value(JsonNode value) {
    return VALUE + value;
  }

  static boolean isField(String element) {
    return element.startsWith(FIELD);
  }

  static boolean isKey(String element) {
    return element.startsWith(KEY);
  }

  static boolean isValue(String element) {
    return element.startsWith(VALUE);
  }

  /** The field name of an {@code f:} element. */
  static String fieldName(String element) {
    return element.substring(FIELD.length());
  }

  /** The key fields of a {@code k:} element, or of a {@code v:} element's value. */
  static JsonNode json(String element) {
    return KubernetesJson.mapper().readTree(element.substring(2));
  }

  /** A path as upstream prints it in a conflict: {@code .spec.containers[name="web"].image}. */
  public static String describe(List<String> path) {
    StringBuilder out = new StringBuilder();
    for (String element : path) {
      if (isField(element)) {
        out.append('.').append(fieldName(element));
      } else if (isKey(element)) {
        out.append('[');
        boolean first = true;
        for (var entry : json(element).properties()) {
          out.append(first ? "" : ",").append(entry.getKey()).append('=').append(entry.getValue());
          first = false;
        }
        out.append(']');
      } else if (isValue(element)) {
        out.append('[').append(element.substring(2)).append(']');
      }
    }
    return out.toString();
  }
}
