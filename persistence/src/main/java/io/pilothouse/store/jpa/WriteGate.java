package io.pilothouse.store.jpa;

import java.sql.Connection;

/**
 * Admits write transactions to the revision lock. The lock itself ({@link Revisions}) serialises
 * writes in the database; a gate can in addition queue them in the process before they reach it.
 * The embedded H2 store uses one: under dozens of writers waiting for the counter row, H2 2.2.224
 * (what Payara's pool runs) sometimes let a write read the counter from before the lock was
 * granted, so two writes took one revision (docs/architecture.md, "One revision lock"). With one
 * process owning the database file, a gate in that process keeps the row lock uncontended.
 */
public interface WriteGate {

  /** No gate: writers meet at the database's row lock only (PostgreSQL, several instances). */
  WriteGate NONE = Pass::new;

  /**
   * Returns once the current transaction may take the revision lock; at once if it already passed
   * the gate. The gate is held until that transaction ends.
   *
   * @return the transaction's pass: the same one for every write of a transaction that holds the
   *     gate, a fresh one each time where there is no gate
   */
  Pass enter();

  /**
   * A transaction's passage through the gate. It remembers the revision counter's value as the
   * transaction last set it, and the transaction's connection, so that the second and later writes
   * of a transaction (a batch) need not lock and read the counter row or look the connection up
   * again; a fresh pass knows nothing, and the write locks the row as usual.
   */
  final class Pass {

    private long revision = -1;
    private Connection connection;

    public Pass() {}

    boolean knowsRevision() {
      return revision >= 0;
    }

    long revision() {
      return revision;
    }

    void revision(long value) {
      revision = value;
    }

    /** The transaction's connection, once a write of it asked for it. */
    Connection connection() {
      return connection;
    }

    void connection(Connection value) {
      connection = value;
    }
  }
}
