package io.pilothouse.store.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import java.util.List;

/**
 * The global revision counter. A write locks the counter row (a no-op {@code UPDATE}) before it
 * looks at anything and holds the lock until its transaction ends, so writes are serialised, commit
 * in revision order, and a write that fails or rolls back never leaves a gap: the counter is only
 * advanced once the write is sure to happen.
 *
 * <p>Plain SQL on {@code ph_counter} ({@link CounterRow} only declares the table): every write runs
 * these statements while it holds the lock, and through the entity each lock cost EclipseLink a
 * freshly prepared pessimistic query and each advance a unit-of-work change set. The statements run
 * with flush mode COMMIT, so they never flush the caller's pending changes.
 */
final class Revisions {

  /** Takes the row's write lock; H2 re-reads a row it waited for before an UPDATE changes it. */
  private static final String LOCK = "UPDATE ph_counter SET ctr_value = ctr_value WHERE ctr_id = ?";

  private static final String READ = "SELECT ctr_value FROM ph_counter WHERE ctr_id = ?";
  private static final String CREATE = "INSERT INTO ph_counter (ctr_id, ctr_value) VALUES (?, 0)";
  private static final String SET = "UPDATE ph_counter SET ctr_value = ? WHERE ctr_id = ?";
  private static final String NEWEST_EVENT = "SELECT MAX(evt_revision) FROM ph_event";

  /** A counter row this transaction holds locked, with its current value. */
  static final class Locked {
    private final String id;
    private long value;

    private Locked(String id, long value) {
      this.id = id;
      this.value = value;
    }

    long value() {
      return value;
    }
  }

  private final EntityManager em;

  Revisions(EntityManager em) {
    this.em = em;
  }

  /**
   * Locks a counter row for the rest of the transaction, creating it on first use, and reads the
   * value it holds: the lock is taken by a no-op UPDATE, which H2 applies to the row as it is once
   * the lock is granted, and the value is read afterwards from this transaction's own version of
   * the row, so no result read before the lock can stand in for it (h2database#4208). A duplicate
   * revision under heavy load is still seen now and then in the container (docs/architecture.md);
   * the event log's primary key refuses the second write, so nothing is corrupted.
   */
  Locked lock(String counter) {
    if (sql(LOCK).setParameter(1, counter).executeUpdate() == 0) {
      sql(CREATE).setParameter(1, counter).executeUpdate();
      return new Locked(counter, 0);
    }
    long value = read(counter);
    if (counter.equals(CounterRow.REVISION)) {
      // never below a revision already written: a counter left behind (see the Javadoc above)
      // would otherwise make every later write collide with the event log's key
      value = Math.max(value, newestEvent());
    }
    return new Locked(counter, value);
  }

  private long newestEvent() {
    List<?> values = sql(NEWEST_EVENT).getResultList();
    return values.isEmpty() || values.get(0) == null ? 0 : ((Number) values.get(0)).longValue();
  }

  /** Advances the locked revision counter and returns the revision of the write under way. */
  long next(Locked locked) {
    set(locked, locked.value + 1);
    return locked.value;
  }

  /** Stores a new value in a locked counter. */
  void set(Locked locked, long value) {
    sql(SET).setParameter(1, value).setParameter(2, locked.id).executeUpdate();
    locked.value = value;
  }

  /**
   * Moves a locked revision counter up to the newest revision the event log or an object row
   * carries, if it is behind them (a write lost to the H2 race described in {@link H2Dialect});
   * returns the revision it was raised to, or 0 when it was level.
   */
  long raiseToWrittenRevisions(Locked locked) {
    long written =
        Math.max(
            max("SELECT MAX(e.revision) FROM EventRow e"),
            max("SELECT MAX(o.modRevision) FROM ObjectRow o"));
    if (written <= locked.value) {
      return 0;
    }
    set(locked, written);
    return written;
  }

  private long max(String jpql) {
    Long value = em.createQuery(jpql, Long.class).getSingleResult();
    return value == null ? 0 : value;
  }

  /** The committed value of a counter (or this transaction's own), 0 when it does not exist yet. */
  long read(String counter) {
    List<?> values = sql(READ).setParameter(1, counter).getResultList();
    return values.isEmpty() ? 0 : ((Number) values.get(0)).longValue();
  }

  private Query sql(String statement) {
    return em.createNativeQuery(statement).setFlushMode(FlushModeType.COMMIT);
  }
}
