package io.pilothouse.store;

/**
 * Where writers of this process queue before they ask the database for the store's write lock. The
 * database lock alone serialises writes, but H2 wakes every transaction waiting for a row lock when
 * it is released, and they race for it again: under 32 writers each commit woke 31 threads, and a
 * lone writer such as the scheduler could lose that race for as long as the others kept writing. A
 * gate lets one waiter at a time on to the database lock, in arrival order. Correctness never
 * depends on it: the database lock still decides, also between several control-plane instances.
 */
public interface WriteGate {

  /** No queueing in the process: writers go straight to the database lock. */
  WriteGate NONE = () -> {};

  /**
   * Waits for this transaction's turn (at once if it already has it); the turn ends when the
   * transaction does.
   */
  void enter();
}
