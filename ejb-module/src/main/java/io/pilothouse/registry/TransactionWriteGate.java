package io.pilothouse.registry;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import io.pilothouse.store.jpa.WriteGate;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The embedded store's {@link WriteGate}: one JTA transaction at a time holds it, from its first
 * write until it commits or rolls back (released in {@code afterCompletion}), so writers queue
 * here, in the process, instead of at H2's row lock on the revision counter. A transaction that
 * already holds it passes again at once, with the same {@link Pass}. A writer that waits longer
 * than H2's own lock timeout gets 429, as a busy API server answers.
 */
public final class TransactionWriteGate implements WriteGate {

  /** H2's {@code LOCK_TIMEOUT} in the default database URL. */
  static final long DEFAULT_WAIT_MILLIS = 10_000;

  private final TransactionSynchronizationRegistry transactions;
  private final long waitMillis;
  private final Semaphore permit = new Semaphore(1);

  public TransactionWriteGate(TransactionSynchronizationRegistry transactions, long waitMillis) {
    this.transactions = transactions;
    this.waitMillis = waitMillis;
  }

  @Override
  public Pass enter() {
    Pass held = (Pass) transactions.getResource(this);
    if (held != null) {
      return held;
    }
    acquire();
    try {
      Pass pass = new Pass();
      transactions.putResource(this, pass);
      transactions.registerInterposedSynchronization(new Release());
      return pass;
    } catch (RuntimeException e) {
      permit.release();
      throw e;
    }
  }

  private void acquire() {
    try {
      if (!permit.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
        throw new StatusException(
            429,
            StatusReasons.TOO_MANY_REQUESTS,
            "the store is busy: no write slot within " + waitMillis + " ms; retry");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StatusException(
          500, StatusReasons.INTERNAL_ERROR, "interrupted while waiting to write");
    }
  }

  /** Gives the gate back when the holding transaction ends, however it ends. */
  private final class Release implements Synchronization {

    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      permit.release();
    }
  }
}
