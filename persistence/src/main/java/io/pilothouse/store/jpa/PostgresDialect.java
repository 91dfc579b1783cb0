package io.pilothouse.store.jpa;

/**
 * PostgreSQL, for servers sharing one database. Create the database with {@code LC_COLLATE 'C'} so
 * lists come back in byte order, as etcd returns keys.
 */
final class PostgresDialect implements SqlDialect {

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public String integerOrNull(String column) {
    return "CASE WHEN " + column + " ~ '^[0-9]{1,18}$' THEN CAST(" + column + " AS BIGINT) END";
  }
}
