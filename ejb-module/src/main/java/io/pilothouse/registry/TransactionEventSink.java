package io.pilothouse.registry;

import io.pilothouse.store.StoreEvent;
import io.pilothouse.store.jpa.EventSink;
import io.pilothouse.store.watch.CommittedEvents;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The control plane's {@link EventSink}: collects the events a JTA transaction appends to the log
 * and, once it has committed ({@code afterCompletion}), hands them to {@link CommittedEvents} for
 * the watch cache; a rolled-back transaction's events are dropped. Outside a transaction it hands
 * nothing over, and the watch cache reads those events from the log.
 */
public final class TransactionEventSink implements EventSink {

  private final TransactionSynchronizationRegistry transactions;
  private final CommittedEvents committed;

  public TransactionEventSink(
      TransactionSynchronizationRegistry transactions, CommittedEvents committed) {
    this.transactions = transactions;
    this.committed = committed;
  }

  @Override
  public void appended(StoreEvent event) {
    if (transactions.getTransactionKey() == null) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<StoreEvent> events = (List<StoreEvent>) transactions.getResource(this);
    if (events == null) {
      events = new ArrayList<>(1);
      transactions.putResource(this, events);
      transactions.registerInterposedSynchronization(new HandOver(events));
    }
    events.add(event);
  }

  /** How many events the current transaction has appended so far (0 outside a transaction). */
  public int appendedInTransaction() {
    if (transactions.getTransactionKey() == null) {
      return 0;
    }
    List<?> events = (List<?>) transactions.getResource(this);
    return events == null ? 0 : events.size();
  }

  /** Hands a committed transaction's events over. */
  private final class HandOver implements Synchronization {

    private final List<StoreEvent> events;

    HandOver(List<StoreEvent> events) {
      this.events = events;
    }

    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        committed.add(events);
      }
    }
  }
}
