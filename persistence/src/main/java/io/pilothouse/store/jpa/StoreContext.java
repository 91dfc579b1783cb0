package io.pilothouse.store.jpa;

import io.pilothouse.store.ConflictException;
import io.pilothouse.store.ObjectKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;

/** The collaborators every verb shares, built once per {@link JpaObjectStore}. */
record StoreContext(
    EntityManager em,
    SqlDialect dialect,
    StoreConfig config,
    Revisions revisions,
    ObjectRows rows,
    IndexRows indexRows,
    History history,
    EventLog eventLog) {

  private static final String UNIQUE_VIOLATION = "23505";

  static StoreContext create(
      EntityManager em, SqlDialect dialect, StoreConfig config, WriteGate gate, EventSink sink) {
    History history = new History(em, config);
    return new StoreContext(
        em,
        dialect,
        config,
        new Revisions(em, gate),
        new ObjectRows(em),
        new IndexRows(em),
        history,
        new EventLog(em, history, sink));
  }

  /**
   * Flushes a write so constraint and version failures surface inside the verb; a lost
   * optimistic-lock race on the object row becomes a {@link ConflictException}.
   */
  void flush(ObjectKey key) {
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (causedByOptimisticLock(e)) {
        throw JpaObjectStore.conflict(key, e);
      }
      throw e;
    }
  }

  /** Whether a failure is a unique-key violation (SQLState 23505 on H2 and PostgreSQL alike). */
  static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static boolean causedByOptimisticLock(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockException) {
        return true;
      }
    }
    return false;
  }
}
