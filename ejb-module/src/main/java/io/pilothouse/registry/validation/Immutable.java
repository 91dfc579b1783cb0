package io.pilothouse.registry.validation;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Upstream's {@code ValidateImmutableField}: a field that may not change after create answers
 * {@code field: Invalid value: <new value>: field is immutable}.
 */
public final class Immutable {

  /** Upstream's {@code FieldImmutableErrorMsg}. */
  public static final String MESSAGE = "field is immutable";

  private Immutable() {}

  /** The immutability error for {@code path} showing {@code value}. */
  public static FieldError error(String path, Object value) {
    return FieldError.invalid(path, value, MESSAGE);
  }

  /**
   * The error when the JSON value at {@code field} of {@code object} differs from {@code old}'s
   * (absent and null are the same), else nothing.
   */
  public static List<FieldError> check(JsonNode object, JsonNode old, String field, String path) {
    JsonNode value = object == null ? null : object.get(field);
    JsonNode oldValue = old == null ? null : old.get(field);
    if (Objects.equals(normalize(value), normalize(oldValue))) {
      return List.of();
    }
    return List.of(error(path, GoValues.of(value)));
  }

  private static JsonNode normalize(JsonNode value) {
    return value == null || value.isNull() || value.isMissingNode() ? null : value;
  }
}
