package io.pilothouse.registry;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionWriteGateTest {

  private final ThreadTransactions transactions = new ThreadTransactions();
  private final TransactionWriteGate gate = new TransactionWriteGate();

  @BeforeEach
  void wire() throws ReflectiveOperationException {
    Field field = TransactionWriteGate.class.getDeclaredField("transactions");
    field.setAccessible(true);
    field.set(gate, transactions);
  }

  @Test
  void aSecondTransactionWaitsUntilTheFirstStartsToComplete() throws Exception {
    transactions.begin();
    gate.enter();
    gate.enter(); // the same transaction again: no second permit, no self-deadlock
    CountDownLatch entered = new CountDownLatch(1);

    CompletableFuture<Void> other =
        CompletableFuture.runAsync(
            () -> {
              transactions.begin();
              gate.enter();
              entered.countDown();
              transactions.complete();
            });

    assertThat(entered.await(300, TimeUnit.MILLISECONDS)).isFalse();
    transactions.complete();
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
    other.get(5, TimeUnit.SECONDS);
  }

  @Test
  void aRolledBackTransactionGivesItsTurnBackAfterCompletion() throws Exception {
    transactions.begin();
    gate.enter();
    transactions.rollBack();

    CompletableFuture<Void> next =
        CompletableFuture.runAsync(
            () -> {
              transactions.begin();
              gate.enter();
              transactions.complete();
            });

    next.get(5, TimeUnit.SECONDS);
  }

  @Test
  void withoutATransactionThereIsNothingToHold() throws Exception {
    transactions.begin();
    gate.enter();

    CompletableFuture<Void> outside = CompletableFuture.runAsync(gate::enter);

    outside.get(5, TimeUnit.SECONDS);
    transactions.complete();
  }

  /** One transaction per thread, with its resources and interposed synchronizations. */
  private static final class ThreadTransactions implements TransactionSynchronizationRegistry {
    private final ThreadLocal<Tx> current = new ThreadLocal<>();

    private static final class Tx {
      final Map<Object, Object> resources = new HashMap<>();
      final List<Synchronization> synchronizations = new ArrayList<>();
    }

    void begin() {
      current.set(new Tx());
    }

    void complete() {
      Tx tx = current.get();
      tx.synchronizations.forEach(Synchronization::beforeCompletion);
      tx.synchronizations.forEach(s -> s.afterCompletion(Status.STATUS_COMMITTED));
      current.remove();
    }

    void rollBack() {
      current.get().synchronizations.forEach(s -> s.afterCompletion(Status.STATUS_ROLLEDBACK));
      current.remove();
    }

    @Override
    public Object getTransactionKey() {
      return current.get();
    }

    @Override
    public void putResource(Object key, Object value) {
      current.get().resources.put(key, value);
    }

    @Override
    public Object getResource(Object key) {
      return current.get().resources.get(key);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
      current.get().synchronizations.add(sync);
    }

    @Override
    public int getTransactionStatus() {
      return current.get() == null ? Status.STATUS_NO_TRANSACTION : Status.STATUS_ACTIVE;
    }

    @Override
    public void setRollbackOnly() {}

    @Override
    public boolean getRollbackOnly() {
      return false;
    }
  }
}
