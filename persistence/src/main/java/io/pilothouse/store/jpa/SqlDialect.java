package io.pilothouse.store.jpa;

import java.util.Locale;

/**
 * Everything that differs between the databases the store runs on, kept narrow: the rest of its SQL
 * is written once for both H2 and PostgreSQL. Pick one with {@link #forJdbcUrl} or {@link
 * #forProductName}.
 */
public interface SqlDialect {

  /** The embedded default. */
  SqlDialect H2 = new H2Dialect();

  /** The scale-out database. */
  SqlDialect POSTGRESQL = new PostgresDialect();

  /** A short name for logs. */
  String name();

  /**
   * A SQL expression giving the integer value of a text column when it holds 1 to 18 digits and
   * NULL otherwise, so label selectors' {@code gt}/{@code lt} never fail on a non-number.
   */
  String integerOrNull(String column);

  /**
   * Database-wide settings the store's correctness depends on, run by {@link
   * JpaObjectStore#initialize()} at startup whatever options the JDBC URL carries.
   */
  default java.util.List<String> startupStatements() {
    return java.util.List.of();
  }

  /**
   * The statements that bring a database created by an earlier version up to today's column types,
   * given the columns it holds as (table, column, data type) rows from {@link #columnsQuery()}.
   */
  default java.util.List<String> upgradeStatements(java.util.List<Object[]> columns) {
    return java.util.List.of();
  }

  /** A query for the store tables' (table, column, data type), or null if no upgrade needs it. */
  default String columnsQuery() {
    return null;
  }

  /** The dialect for a JDBC URL ({@code jdbc:h2:...}, {@code jdbc:postgresql:...}). */
  static SqlDialect forJdbcUrl(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (u.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException("no SQL dialect for " + url);
  }

  /** The dialect for {@code DatabaseMetaData.getDatabaseProductName()}. */
  static SqlDialect forProductName(String product) {
    String p = product.toLowerCase(Locale.ROOT);
    if (p.contains("h2")) {
      return H2;
    }
    if (p.contains("postgres")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException("no SQL dialect for " + product);
  }
}
