package io.pilothouse.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoredObject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every write passes the store's gate before it takes the revision lock; reads and compaction
 * (which locks only its own counter) never do.
 */
class WriteGateTest {

  private static final ObjectKey KEY = ObjectKey.namespaced("", "configmaps", "default", "gated");

  private static TestDatabase db;
  private final AtomicInteger entered = new AtomicInteger();
  private final WriteGate counting =
      () -> {
        entered.incrementAndGet();
        return new WriteGate.Pass();
      };

  @BeforeAll
  static void open() {
    db = TestDatabase.open("gate");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void empty() {
    db.clear();
    db.inTransaction(em -> db.store(em).initialize());
  }

  @Test
  void createUpdateAndDeleteEachPassTheGateButCompactionDoesNot() {
    StoredObject created =
        db.inTransactionResult(
            em -> gated(em).create(KEY, "uid-1", "{\"v\":1}", IndexedFields.EMPTY));
    assertThat(entered).hasValue(1);
    StoredObject updated =
        db.inTransactionResult(
            em -> gated(em).update(KEY, created.modRevision(), "{\"v\":2}", IndexedFields.EMPTY));
    assertThat(entered).hasValue(2);
    db.inTransaction(em -> gated(em).delete(KEY, updated.modRevision()));
    assertThat(entered).hasValue(3);
    long compacted = db.inTransactionResult(em -> gated(em).compact(0));
    assertThat(compacted).isEqualTo(updated.modRevision() + 1);
    assertThat(entered).hasValue(3);
  }

  @Test
  void readsDoNotPassTheGate() {
    db.withStore(s -> s.create(KEY, "uid-1", "{\"v\":1}", IndexedFields.EMPTY));
    db.inTransaction(
        em -> {
          JpaObjectStore store = gated(em);
          assertThat(store.get(KEY)).isPresent();
          assertThat(store.eventsAfter(0, 10)).isNotEmpty();
          assertThat(store.currentRevision()).isPositive();
        });
    assertThat(entered).hasValue(0);
  }

  @Test
  void aWriteTheGateRefusesChangesNothing() {
    WriteGate refusing =
        () -> {
          throw new IllegalStateException("busy");
        };
    long before = db.inTransactionResult(em -> db.store(em).currentRevision());
    try {
      db.inTransaction(
          em ->
              new JpaObjectStore(em, SqlDialect.H2, StoreConfig.DEFAULT, refusing)
                  .create(KEY, "uid-1", "{}", IndexedFields.EMPTY));
    } catch (IllegalStateException expected) {
      assertThat(expected).hasMessage("busy");
    }
    boolean stored = db.inTransactionResult(em -> db.store(em).get(KEY).isPresent());
    long after = db.inTransactionResult(em -> db.store(em).currentRevision());
    assertThat(stored).isFalse();
    assertThat(after).isEqualTo(before);
  }

  @Test
  void writesOfOneTransactionSharingAPassTakeConsecutiveRevisionsWithoutReadingTheCounterAgain() {
    WriteGate.Pass pass = new WriteGate.Pass();
    WriteGate holding = () -> pass;
    ObjectKey second = ObjectKey.namespaced("", "configmaps", "default", "gated-2");
    long before = db.inTransactionResult(em -> db.store(em).currentRevision());
    long[] revisions =
        db.inTransactionResult(
            em -> {
              // two stores over one transaction, as two registry calls in one transaction make
              JpaObjectStore first =
                  new JpaObjectStore(em, SqlDialect.H2, StoreConfig.DEFAULT, holding);
              JpaObjectStore other =
                  new JpaObjectStore(em, SqlDialect.H2, StoreConfig.DEFAULT, holding);
              long a = first.create(KEY, "uid-1", "{}", IndexedFields.EMPTY).modRevision();
              long b = other.create(second, "uid-2", "{}", IndexedFields.EMPTY).modRevision();
              long c = first.update(KEY, a, "{\"v\":2}", IndexedFields.EMPTY).modRevision();
              return new long[] {a, b, c};
            });
    assertThat(revisions).containsExactly(before + 1, before + 2, before + 3);
    assertThat(pass.revision()).isEqualTo(before + 3);
    long after = db.inTransactionResult(em -> db.store(em).currentRevision());
    assertThat(after).isEqualTo(before + 3);
  }

  private JpaObjectStore gated(jakarta.persistence.EntityManager em) {
    return new JpaObjectStore(em, SqlDialect.H2, StoreConfig.DEFAULT, counting);
  }
}
