package io.pilothouse.printing;

/**
 * One {@code TableColumnDefinition}. Priority 0 columns are what {@code kubectl get} prints;
 * priority 1 columns are added by {@code kubectl get -o wide}.
 */
record Column(String name, String type, String format, String description, int priority) {

  /** The NAME column every kind starts with. */
  static Column nameColumn() {
    return new Column("Name", "string", "name", Descriptions.NAME, 0);
  }

  /** The AGE column: time since {@code metadata.creationTimestamp}. */
  static Column ageColumn() {
    return new Column("Age", "string", "", Descriptions.CREATION_TIMESTAMP, 0);
  }

  /** A column {@code kubectl get} prints. */
  static Column of(String name, String type, String description) {
    return new Column(name, type, "", description, 0);
  }

  /** A column only {@code kubectl get -o wide} prints. */
  static Column wide(String name, String type, String description) {
    return new Column(name, type, "", description, 1);
  }
}
