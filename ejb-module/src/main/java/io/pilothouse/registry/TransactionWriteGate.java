package io.pilothouse.registry;

import io.pilothouse.store.WriteGate;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The {@link WriteGate} of this control-plane instance: one fair permit, taken by a JTA transaction
 * before its first write and given back when the transaction starts to complete (or, if it never
 * gets there, when it has ended), so the next writer in arrival order moves on to the database lock
 * while the holder commits. A transaction waiting longer than the database's own lock timeout goes
 * on without the permit and lets the database decide, so a mistake here can delay a write but never
 * deadlock one.
 */
@ApplicationScoped
public class TransactionWriteGate implements WriteGate {

  private static final Logger LOG = Logger.getLogger(TransactionWriteGate.class.getName());
  private static final long MAX_WAIT_SECONDS = 10;

  private final Semaphore permit = new Semaphore(1, true);
  private final Object held = new Object();

  @Resource private TransactionSynchronizationRegistry transactions;

  @Override
  public void enter() {
    if (transactions.getTransactionKey() == null
        || transactions.getTransactionStatus() != Status.STATUS_ACTIVE
        || transactions.getResource(held) != null) {
      return;
    }
    Turn turn = new Turn();
    transactions.registerInterposedSynchronization(turn);
    transactions.putResource(held, turn);
    try {
      if (permit.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
        turn.holding.set(true);
      } else {
        LOG.warning("no write turn after " + MAX_WAIT_SECONDS + " s; going to the database lock");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One transaction's turn: the permit goes back exactly once, at whichever callback comes first.
   */
  private final class Turn implements Synchronization {
    private final AtomicBoolean holding = new AtomicBoolean();

    @Override
    public void beforeCompletion() {
      end();
    }

    @Override
    public void afterCompletion(int status) {
      end();
    }

    private void end() {
      if (holding.compareAndSet(true, false)) {
        permit.release();
      }
    }
  }
}
