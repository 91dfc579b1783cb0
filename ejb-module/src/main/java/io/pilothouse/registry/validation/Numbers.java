package io.pilothouse.registry.validation;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Upstream's numeric field checks ({@code ValidateNonnegativeField} and friends) on optional JSON
 * numbers: an absent field is fine, a present one must be in range.
 */
public final class Numbers {

  /** Upstream's {@code IsNegativeErrorMsg}. */
  public static final String NEGATIVE = "must be greater than or equal to 0";

  /** Upstream's {@code isNotPositiveErrorMsg}. */
  public static final String NOT_POSITIVE = "must be greater than zero";

  private Numbers() {}

  /** {@code path: Invalid value: -1: must be greater than or equal to 0} when negative. */
  public static List<FieldError> nonNegative(JsonNode node, String field, String path) {
    Long value = Trees.number(node, field);
    return value != null && value < 0
        ? List.of(FieldError.invalid(path, value, NEGATIVE))
        : List.of();
  }

  /** {@code path: Invalid value: 0: detail} when present and not above zero. */
  public static List<FieldError> positive(JsonNode node, String field, String path, String detail) {
    Long value = Trees.number(node, field);
    return value != null && value <= 0
        ? List.of(FieldError.invalid(path, value, detail))
        : List.of();
  }
}
