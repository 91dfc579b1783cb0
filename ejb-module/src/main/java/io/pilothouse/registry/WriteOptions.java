package io.pilothouse.registry;

/**
 * The query options of a write: {@code dryRun=All} runs every step but the store write, {@code
 * fieldValidation} says what to do with fields the kind does not have, {@code fieldManager} names
 * the writer.
 */
public record WriteOptions(boolean dryRun, FieldValidation fieldValidation, String fieldManager) {

  /** A plain write: stored, unknown fields dropped silently, as upstream's default for clients. */
  public static final WriteOptions DEFAULT = new WriteOptions(false, FieldValidation.IGNORE, null);

  /** How unknown or duplicate fields in a body are treated. */
  public enum FieldValidation {
    IGNORE,
    WARN,
    STRICT;

    /** Parses the query parameter ({@code Strict}, {@code Warn}, {@code Ignore}); null → WARN. */
    public static FieldValidation parse(String value) {
      if (value == null || value.isEmpty()) {
        return WARN;
      }
      return switch (value) {
        case "Strict" -> STRICT;
        case "Warn" -> WARN;
        case "Ignore" -> IGNORE;
        default -> throw new IllegalArgumentException(value);
      };
    }
  }
}
