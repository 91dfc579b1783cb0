package io.pilothouse.store.jpa;

import java.util.List;

/** H2 2.x, the embedded database of a single control-plane server. */
final class H2Dialect implements SqlDialect {

  /**
   * H2 2.2.224 (what Payara Micro's pool loads) and 2.3.232 re-use a prepared query's previous
   * result when they think no table changed, and a race in that cache can hand a {@code SELECT ...
   * FOR UPDATE} the revision counter's value from before the lock was granted (h2database issue
   * 4208, fixed in 2.4.240): two writes then take the same revision, one of them commits its event
   * while the counter stays behind, and every later write fails on the event log's primary key.
   * Seen here under heavy load in ReliabilityIT. The result re-use is switched off for the whole
   * database; it saves nothing for the store's queries.
   */
  @Override
  public List<String> startupStatements() {
    return List.of("SET OPTIMIZE_REUSE_RESULTS 0");
  }

  /**
   * Databases created before bodies moved into the rows hold them as CLOBs, whose pages H2 never
   * rewrites; those columns are converted in place, once.
   */
  @Override
  public List<String> upgradeStatements(List<Object[]> columns) {
    return columns.stream()
        .filter(column -> "CHARACTER LARGE OBJECT".equals(column[2]))
        .map(
            column ->
                "ALTER TABLE "
                    + column[0]
                    + " ALTER COLUMN "
                    + column[1]
                    + " SET DATA TYPE CHARACTER VARYING("
                    + KeyColumns.BODY
                    + ")")
        .toList();
  }

  @Override
  public String columnsQuery() {
    return "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
        + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME LIKE 'PH\\_%'";
  }

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
