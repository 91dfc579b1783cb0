package io.pilothouse.store.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The global revision counter. A write locks the counter row ({@code SELECT ... FOR UPDATE}) before
 * it looks at anything and holds the lock until its transaction ends, so writes are serialised,
 * commit in revision order, and a write that fails or rolls back never leaves a gap: the counter is
 * only advanced once the write is sure to happen.
 *
 * <p>Before taking the revision lock, a write passes the store's {@link WriteGate}. The lock and
 * the advance are plain JDBC on the transaction's own connection ({@code
 * EntityManager.unwrap(Connection.class)}, which also makes EclipseLink run the rest of the write
 * on that connection), so no entity cache can stand between the row and the value a write builds
 * on.
 */
final class Revisions {

  private static final String LOCK = "SELECT ctr_value FROM ph_counter WHERE ctr_id = ? FOR UPDATE";
  private static final String CREATE = "INSERT INTO ph_counter (ctr_id, ctr_value) VALUES (?, 0)";
  private static final String SET = "UPDATE ph_counter SET ctr_value = ? WHERE ctr_id = ?";

  private final EntityManager em;
  private final WriteGate gate;
  private WriteGate.Pass pass;

  Revisions(EntityManager em, WriteGate gate) {
    this.em = em;
    this.gate = gate;
  }

  /** A counter row this transaction holds locked, and the value it has in this transaction. */
  record LockedCounter(String id, long value) {}

  /**
   * Passes the store's {@link WriteGate}, then locks the revision counter for the rest of the
   * transaction: what every write does first. A later write of a transaction that holds the gate
   * takes the counter's value from its {@link WriteGate.Pass} instead of reading the row again.
   */
  LockedCounter lockRevision() {
    pass = gate.enter();
    if (pass.knowsRevision()) {
      return new LockedCounter(CounterRow.REVISION, pass.revision());
    }
    LockedCounter locked = lock(CounterRow.REVISION);
    pass.revision(locked.value());
    return locked;
  }

  /**
   * Locks a counter row for the rest of the transaction, creating it on first use, without the
   * gate: compaction locks its own counter this way, so that it does not hold writers back while it
   * deletes a minute's worth of event-log rows (seconds under Lease churn).
   */
  LockedCounter lock(String counter) {
    Connection connection = connection();
    try {
      try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
        lock.setString(1, counter);
        try (ResultSet row = lock.executeQuery()) {
          if (row.next()) {
            return new LockedCounter(counter, row.getLong(1));
          }
        }
      }
      try (PreparedStatement create = connection.prepareStatement(CREATE)) {
        create.setString(1, counter);
        create.executeUpdate();
      }
      return new LockedCounter(counter, 0);
    } catch (SQLException e) {
      throw new PersistenceException("cannot lock counter " + counter, e);
    }
  }

  /** Advances the locked revision counter and returns the revision of the write under way. */
  long next(LockedCounter locked) {
    return set(locked, locked.value() + 1).value();
  }

  /** Writes a new value into a locked counter. */
  LockedCounter set(LockedCounter locked, long value) {
    try (PreparedStatement set = connection().prepareStatement(SET)) {
      set.setLong(1, value);
      set.setString(2, locked.id());
      set.executeUpdate();
      if (pass != null && locked.id().equals(CounterRow.REVISION)) {
        pass.revision(value);
      }
      return new LockedCounter(locked.id(), value);
    } catch (SQLException e) {
      throw new PersistenceException("cannot set counter " + locked.id(), e);
    }
  }

  /**
   * Moves a locked revision counter up to the newest revision the event log or an object row
   * carries, if it is behind them (a database left so by an earlier failure); returns the revision
   * it was raised to, or 0 when it was level.
   */
  long raiseToWrittenRevisions(LockedCounter locked) {
    long written =
        Math.max(
            max("SELECT MAX(e.revision) FROM EventRow e"),
            max("SELECT MAX(o.modRevision) FROM ObjectRow o"));
    if (written <= locked.value()) {
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
    List<Long> values =
        em.createQuery("SELECT c.counterValue FROM CounterRow c WHERE c.id = :id", Long.class)
            .setParameter("id", counter)
            .getResultList();
    return values.isEmpty() ? 0 : values.get(0);
  }

  /**
   * The connection of the current transaction. For EclipseLink this begins the unit of work's
   * database transaction now, so every later statement of the write runs on this connection too.
   */
  private Connection connection() {
    if (pass != null && pass.connection() != null) {
      return pass.connection();
    }
    Connection connection = em.unwrap(Connection.class);
    if (connection == null) {
      throw new IllegalStateException("a counter can only be locked inside a transaction");
    }
    if (pass != null) {
      pass.connection(connection);
    }
    return connection;
  }
}
