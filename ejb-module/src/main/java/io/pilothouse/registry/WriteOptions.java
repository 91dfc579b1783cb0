package io.pilothouse.registry;

/**
 * The query options of a write: {@code dryRun=All} runs every step but the store write, {@code
 * fieldValidation} says what to do with fields the kind does not have, {@code fieldManager} names
 * the writer (null: {@link #IN_PROCESS_MANAGER}), {@code force} lets a server-side apply take over
 * fields other managers own.
 */
public record WriteOptions(
    boolean dryRun, FieldValidation fieldValidation, String fieldManager, boolean force) {

  /** The field manager of writes that name none: the control plane's own components. */
  public static final String IN_PROCESS_MANAGER = "pilothouse";

  /** A plain write: stored, unknown fields dropped silently, as upstream's default for clients. */
  public static final WriteOptions DEFAULT =
      new WriteOptions(false, FieldValidation.IGNORE, null, false);

  /** These options without {@code force}, for a write that is not an apply. */
  public WriteOptions(boolean dryRun, FieldValidation fieldValidation, String fieldManager) {
    this(dryRun, fieldValidation, fieldManager, false);
  }

  /** The manager to record for this write. */
  public String manager() {
    return fieldManager == null || fieldManager.isEmpty() ? IN_PROCESS_MANAGER : fieldManager;
  }

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
