package io.pilothouse.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.store.EventType;
import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoreEvent;
import io.pilothouse.store.watch.CommittedEvents;
import jakarta.transaction.Status;
import org.junit.jupiter.api.Test;

class TransactionEventSinkTest {

  private final CommittedEvents committed = new CommittedEvents(100);
  private final TransactionEventSink sink =
      new TransactionEventSink(new FakeTransactions(), committed);

  private static StoreEvent event(long revision) {
    return new StoreEvent(
        revision,
        EventType.ADDED,
        new ObjectKey("", "configmaps", "default", "cm-" + revision),
        "uid-" + revision,
        "{}",
        null,
        IndexedFields.builder().build(),
        null);
  }

  @Test
  void handsATransactionsEventsOverOnlyOnceItCommitted() {
    FakeTransactions.begin();
    sink.appended(event(1));
    sink.appended(event(2));
    assertThat(committed.hasAfter(0)).isFalse();

    FakeTransactions.complete(Status.STATUS_COMMITTED);

    assertThat(committed.run(0, 10)).containsExactly(event(1), event(2));
  }

  @Test
  void dropsTheEventsOfARolledBackTransaction() {
    FakeTransactions.begin();
    sink.appended(event(1));
    FakeTransactions.complete(Status.STATUS_ROLLEDBACK);

    assertThat(committed.hasAfter(0)).isFalse();
  }

  @Test
  void keepsTransactionsApart() {
    FakeTransactions.begin();
    sink.appended(event(1));
    FakeTransactions.complete(Status.STATUS_ROLLEDBACK);
    FakeTransactions.begin();
    sink.appended(event(2));
    FakeTransactions.complete(Status.STATUS_COMMITTED);

    assertThat(committed.run(1, 10)).containsExactly(event(2));
    assertThat(committed.hasAfter(2)).isFalse();
  }

  @Test
  void handsNothingOverOutsideATransaction() {
    sink.appended(event(1));

    assertThat(committed.hasAfter(0)).isFalse();
  }
}
