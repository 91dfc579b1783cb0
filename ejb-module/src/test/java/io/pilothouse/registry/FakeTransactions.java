package io.pilothouse.registry;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A transaction registry with one transaction per thread, begun and completed by the test. */
final class FakeTransactions implements TransactionSynchronizationRegistry {

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
