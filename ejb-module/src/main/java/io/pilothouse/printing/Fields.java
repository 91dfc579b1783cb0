package io.pilothouse.printing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields a printer needs from an object held as a JSON tree, with the zero values Go's
 * typed structs give upstream: {@code ""} for a missing string, {@code 0} for a missing number, an
 * empty list for a missing array, {@code null} for a missing time.
 */
final class Fields {

  private Fields() {}

  /** The node at {@code path} below {@code node}; a missing node when any step is absent. */
  static JsonNode at(JsonNode node, String... path) {
    JsonNode current = node;
    for (String step : path) {
      current = current.path(step);
    }
    return current;
  }

  /** The scalar at {@code path} as a string, or {@code ""}. */
  static String text(JsonNode node, String... path) {
    JsonNode value = at(node, path);
    return value.isValueNode() && !value.isNull() ? value.asString("") : "";
  }

  /** The number at {@code path}, or {@code 0}. */
  static long number(JsonNode node, String... path) {
    return at(node, path).asLong(0);
  }

  /** Whether the boolean at {@code path} is {@code true}. */
  static boolean isTrue(JsonNode node, String... path) {
    JsonNode value = at(node, path);
    return value.isBoolean() && value.booleanValue();
  }

  /** Whether {@code path} holds an object (a non-nil pointer in Go terms). */
  static boolean present(JsonNode node, String... path) {
    return at(node, path).isObject();
  }

  /** The elements of the array at {@code path}; empty when absent. */
  static List<JsonNode> items(JsonNode node, String... path) {
    JsonNode value = at(node, path);
    return value.isArray() ? new ArrayList<>(value.values()) : List.of();
  }

  /** The number of entries of the map or array at {@code path}. */
  static int size(JsonNode node, String... path) {
    JsonNode value = at(node, path);
    return value.isContainer() ? value.size() : 0;
  }

  /** The RFC 3339 time at {@code path}, or null when absent or unreadable (Go's zero time). */
  static Instant time(JsonNode node, String... path) {
    String text = text(node, path);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code value}, or {@code <none>} when it is empty. */
  static String orNone(String value) {
    return value.isEmpty() ? "<none>" : value;
  }

  /** {@code metadata.name}. */
  static String name(JsonNode object) {
    return text(object, "metadata", "name");
  }
}
