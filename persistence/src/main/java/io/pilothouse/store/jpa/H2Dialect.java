package io.pilothouse.store.jpa;

/** H2 2.x, the embedded database of a single control-plane server. */
final class H2Dialect implements SqlDialect {

  @Override
  public String name() {
    return "h2";
  }

  @Override
  public String integerOrNull(String column) {
    return "CASE WHEN REGEXP_LIKE("
        + column
        + ", '^[0-9]{1,18}$') THEN CAST("
        + column
        + " AS BIGINT) END";
  }
}
