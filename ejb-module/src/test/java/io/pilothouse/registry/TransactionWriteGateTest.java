package io.pilothouse.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilothouse.api.StatusException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TransactionWriteGateTest {

  @Test
  void aTransactionPassesAgainWithoutWaitingForItself() {
    TransactionWriteGate gate = new TransactionWriteGate(new FakeTransactions(), 50);
    FakeTransactions.begin();
    gate.enter();
    gate.enter();
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

  /** A registry with one transaction per thread, begun and completed by the test. */
  private static final class FakeTransactions implements TransactionSynchronizationRegistry {

    private static final ThreadLocal<Tx> CURRENT = new ThreadLocal<>();

    private record Tx(Map<Object, Object> resources, List<Synchronization> synchronizations) {}

    static void begin() {
      CURRENT.set(new Tx(new HashMap<>(), new ArrayList<>()));
    }

    static void complete(int status) {
      Tx tx = CURRENT.get();
      CURRENT.remove();
      tx.synchronizations().forEach(s -> s.afterCompletion(status));
    }

    private static Tx current() {
      Tx tx = CURRENT.get();
      if (tx == null) {
        throw new IllegalStateException("no transaction");
      }
      return tx;
    }

    @Override
    public Object getTransactionKey() {
      return CURRENT.get();
    }

    @Override
    public void putResource(Object key, Object value) {
      current().resources().put(key, value);
    }

    @Override
    public Object getResource(Object key) {
      Tx tx = CURRENT.get();
      return tx == null ? null : tx.resources().get(key);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
      current().synchronizations().add(sync);
    }

    @Override
    public int getTransactionStatus() {
      return CURRENT.get() == null ? Status.STATUS_NO_TRANSACTION : Status.STATUS_ACTIVE;
    }

    @Override
    public void setRollbackOnly() {}

    @Override
    public boolean getRollbackOnly() {
      return false;
    }
  }
}
