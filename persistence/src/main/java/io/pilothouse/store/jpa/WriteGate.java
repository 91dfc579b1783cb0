package io.pilothouse.store.jpa;

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
  WriteGate NONE = () -> {};

  /**
   * Returns once the current transaction may take the revision lock; at once if it already passed
   * the gate. The gate is held until that transaction ends.
   */
  void enter();
}
