package io.pilothouse.openapi;

/** The descriptions both OpenAPI versions give the success codes of an operation. */
final class Responses {

  private Responses() {}

  /** {@code OK}, {@code Created} or {@code Accepted}. */
  static String description(String code) {
    return switch (code) {
      case "201" -> "Created";
      case "202" -> "Accepted";
      default -> "OK";
    };
  }
}
