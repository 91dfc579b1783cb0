package io.pilothouse.registry.validation;

/**
 * One invalid field, as upstream's {@code field.Error}: the cause type ({@code FieldValueRequired},
 * {@code FieldValueInvalid}, {@code FieldValueNotSupported}, {@code FieldValueDuplicate}, {@code
 * FieldValueForbidden}, {@code FieldValueTooLong}), the field path ({@code
 * spec.containers[0].name}) and upstream's message ({@code Required value}, {@code Invalid value:
 * "x": ...}).
 */
public record FieldError(String type, String field, String message) {

  public static final String REQUIRED = "FieldValueRequired";
  public static final String INVALID = "FieldValueInvalid";
  public static final String NOT_SUPPORTED = "FieldValueNotSupported";
  public static final String DUPLICATE = "FieldValueDuplicate";
  public static final String FORBIDDEN = "FieldValueForbidden";
  public static final String TOO_LONG = "FieldValueTooLong";
  public static final String NOT_FOUND = "FieldValueNotFound";
  public static final String TOO_MANY = "FieldValueTooMany";

  /** {@code field: Required value}. */
  public static FieldError required(String field) {
    return new FieldError(REQUIRED, field, "Required value");
  }

  /** {@code field: Required value: detail}. */
  public static FieldError required(String field, String detail) {
    return detail == null || detail.isEmpty()
        ? required(field)
        : new FieldError(REQUIRED, field, "Required value: " + detail);
  }

  /** {@code field: Not found: "value"}. */
  public static FieldError notFound(String field, Object value) {
    return new FieldError(NOT_FOUND, field, "Not found: " + quote(value));
  }

  /** {@code field: Too long: may not be more than N bytes}, as upstream's {@code field.TooLong}. */
  public static FieldError tooLong(String field, int maxLength) {
    return new FieldError(
        TOO_LONG,
        field,
        "Too long: may not be more than " + maxLength + (maxLength == 1 ? " byte" : " bytes"));
  }

  /** {@code field: Too many: N: must have at most M items}, as upstream's {@code field.TooMany}. */
  public static FieldError tooMany(String field, int actual, int max) {
    return new FieldError(
        TOO_MANY, field, "Too many: " + actual + ": must have at most " + max + " items");
  }

  /** {@code field: Duplicate value: "value": detail}. */
  public static FieldError duplicate(String field, Object value, String detail) {
    return new FieldError(DUPLICATE, field, "Duplicate value: " + quote(value) + ": " + detail);
  }

  /** {@code field: Invalid value: "value": detail}. */
  public static FieldError invalid(String field, Object value, String detail) {
    return new FieldError(INVALID, field, "Invalid value: " + quote(value) + ": " + detail);
  }

  /**
   * {@code field: Invalid value: detail}, upstream's {@code field.Invalid} with an omitted value.
   */
  public static FieldError invalidOmitValue(String field, String detail) {
    return new FieldError(INVALID, field, "Invalid value: " + detail);
  }

  /** {@code field: Unsupported value: "value": supported values: "a", "b"}. */
  public static FieldError notSupported(String field, Object value, Iterable<String> supported) {
    StringBuilder list = new StringBuilder();
    for (String option : supported) {
      list.append(list.isEmpty() ? "" : ", ").append('"').append(option).append('"');
    }
    return new FieldError(
        NOT_SUPPORTED, field, "Unsupported value: " + quote(value) + ": supported values: " + list);
  }

  /** {@code field: Duplicate value: "value"}. */
  public static FieldError duplicate(String field, Object value) {
    return new FieldError(DUPLICATE, field, "Duplicate value: " + quote(value));
  }

  /** {@code field: Forbidden: detail}. */
  public static FieldError forbidden(String field, String detail) {
    return new FieldError(FORBIDDEN, field, "Forbidden: " + detail);
  }

  /** How upstream shows the value in a message: strings quoted, other values as they print. */
  static String quote(Object value) {
    return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
  }

  /** The line upstream prints for it: {@code spec.containers[0].name: Required value}. */
  public String describe() {
    return field + ": " + message;
  }
}
