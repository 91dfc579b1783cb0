package io.pilothouse.compaction;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The MVStore file under an embedded H2 connection: the one place that reaches into H2's engine,
 * which offers no SQL to compact a database online.
 *
 * <p>It goes by reflection on purpose. The connection pool loads its driver from the server's class
 * path (Payara Micro bundles H2 2.2.224 as an OSGi bundle), not from the application's, so the H2
 * classes the application compiles against are other classes than the engine's, and {@code
 * unwrap(org.h2.jdbc.JdbcConnection.class)} fails. The methods used ({@code
 * JdbcConnection.getSession}, {@code SessionLocal.getDatabase}, {@code Database.getStore}, {@code
 * Store.getMvStore}, {@code MVStore.compact(int, int)} and {@code getFileStore}, {@code
 * FileStore.size}, {@code getFillRate} and {@code getChunksFillRate}) are public in H2 2.2 and 2.3.
 */
final class H2FileStore {

  private static final String H2_CONNECTION = "org.h2.jdbc.JdbcConnection";

  private final Object store;

  private H2FileStore(Object store) {
    this.store = store;
  }

  /** The store of the embedded database a (pooled) connection belongs to. */
  static H2FileStore of(Connection connection) throws SQLException {
    Object physical = physical(connection);
    Object session = call(physical, "getSession");
    if (!session.getClass().getName().equals("org.h2.engine.SessionLocal")) {
      throw new SQLException("not an embedded H2 database: " + session.getClass().getName());
    }
    Object database = call(session, "getDatabase");
    return new H2FileStore(call(call(database, "getStore"), "getMvStore"));
  }

  /**
   * Rewrites the live pages of the sparsest chunks older than the retention time, at most {@code
   * writeBytes} of them, if the chunks' fill rate is below {@code targetFillRate}.
   */
  boolean compact(int targetFillRate, int writeBytes) throws SQLException {
    Method compact = method(store, "compact", int.class, int.class);
    return (Boolean) invoke(compact, store, targetFillRate, writeBytes);
  }

  H2FileStats stats(boolean rewrote, long millis) throws SQLException {
    Object file = call(store, "getFileStore");
    return new H2FileStats(
        (Long) call(file, "size"),
        (Integer) call(file, "getChunksFillRate"),
        (Integer) call(file, "getFillRate"),
        rewrote,
        millis);
  }

  /** The driver's own connection under a pool's wrapper (Payara's {@code ConnectionHolder}). */
  private static Object physical(Connection connection) throws SQLException {
    Object candidate = connection;
    for (int depth = 0; depth < 3; depth++) {
      if (candidate.getClass().getName().equals(H2_CONNECTION)) {
        return candidate;
      }
      candidate = call(candidate, "getConnection");
    }
    throw new SQLException("not an H2 connection: " + connection.getClass().getName());
  }

  private static Object call(Object target, String name) throws SQLException {
    return invoke(method(target, name), target);
  }

  private static Method method(Object target, String name, Class<?>... types) throws SQLException {
    try {
      Method method = target.getClass().getMethod(name, types);
      method.setAccessible(true);
      return method;
    } catch (NoSuchMethodException | RuntimeException e) {
      throw new SQLException("H2 engine without " + name + " on " + target.getClass(), e);
    }
  }

  private static Object invoke(Method method, Object target, Object... args) throws SQLException {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw new SQLException(method.getName() + " failed", e.getCause());
    } catch (IllegalAccessException e) {
      throw new SQLException(method.getName() + " is not accessible", e);
    }
  }
}
