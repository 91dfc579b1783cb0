package io.pilothouse.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilothouse.api.StatusException;
import io.pilothouse.store.jpa.WriteGate;
import jakarta.transaction.Status;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TransactionWriteGateTest {

  @Test
  void aTransactionPassesAgainWithoutWaitingForItself() {
    TransactionWriteGate gate = new TransactionWriteGate(new FakeTransactions(), 50);
    FakeTransactions.begin();
    WriteGate.Pass first = gate.enter();
    assertThat(gate.enter()).isSameAs(first);
    FakeTransactions.complete(Status.STATUS_COMMITTED);
    FakeTransactions.begin();
    assertThat(gate.enter()).isNotSameAs(first);
    FakeTransactions.complete(Status.STATUS_COMMITTED);
  }

  @Test
  void aSecondTransactionWaitsUntilTheFirstEnds() throws Exception {
    FakeTransactions transactions = new FakeTransactions();
    TransactionWriteGate gate = new TransactionWriteGate(transactions, 5_000);
    FakeTransactions.begin();
    gate.enter();
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Long> second =
        CompletableFuture.supplyAsync(
            () -> {
              FakeTransactions.begin();
              started.countDown();
              gate.enter();
              long passedAt = System.nanoTime();
              FakeTransactions.complete(Status.STATUS_COMMITTED);
              return passedAt;
            });
    started.await();
    Thread.sleep(200);
    assertThat(second).isNotDone();
    long endedAt = System.nanoTime();
    FakeTransactions.complete(Status.STATUS_ROLLEDBACK);
    assertThat(second.get(5, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(endedAt);
  }

  @Test
  void aWriterThatWaitsTooLongGets429AndTheGateStaysUsable() throws Exception {
    FakeTransactions transactions = new FakeTransactions();
    TransactionWriteGate gate = new TransactionWriteGate(transactions, 100);
    FakeTransactions.begin();
    gate.enter();
    CompletableFuture<Throwable> blocked =
        CompletableFuture.supplyAsync(
            () -> {
              FakeTransactions.begin();
              try {
                gate.enter();
                return null;
              } catch (StatusException e) {
                return e;
              } finally {
                FakeTransactions.complete(Status.STATUS_ROLLEDBACK);
              }
            });
    assertThat(blocked.get(5, TimeUnit.SECONDS))
        .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(429));
    FakeTransactions.complete(Status.STATUS_COMMITTED);
    FakeTransactions.begin();
    gate.enter();
    FakeTransactions.complete(Status.STATUS_COMMITTED);
  }

  @Test
  void enteringOutsideATransactionFailsAndLeavesTheGateOpen() {
    TransactionWriteGate gate = new TransactionWriteGate(new FakeTransactions(), 50);
    assertThatThrownBy(gate::enter).isInstanceOf(IllegalStateException.class);
    FakeTransactions.begin();
    gate.enter();
    FakeTransactions.complete(Status.STATUS_COMMITTED);
  }
}
