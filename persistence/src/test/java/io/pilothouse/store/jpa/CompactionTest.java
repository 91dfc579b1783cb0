package io.pilothouse.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilothouse.store.EventType;
import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.ObjectRevision;
import io.pilothouse.store.RevisionCompactedException;
import io.pilothouse.store.StoreEvent;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Compaction of the event log and the object history's bounds. */
class CompactionTest {

  private static final ObjectKey LEASE =
      ObjectKey.namespaced("coordination.k8s.io", "leases", "kube-node-lease", "node-1");
  private static final ObjectKey CONFIG = ObjectKey.namespaced("", "configmaps", "default", "cfg");

  private static TestDatabase db;

  @BeforeAll
  static void open() {
    db = TestDatabase.open("compaction", StoreConfig.DEFAULT.withHistoryDepth(5));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void empty() {
    db.clear();
  }

  @Test
  void eventLogStaysBoundedUnderLeaseChurn() {
    db.withStore(s -> s.create(LEASE, "lease-uid", "{\"renew\":0}", IndexedFields.EMPTY));
    for (int round = 0; round < 5; round++) {
      db.withStore(
          s -> {
            for (int i = 0; i < 100; i++) {
              s.update(LEASE, 0, "{\"renew\":" + i + "}", IndexedFields.EMPTY);
            }
          });
      db.withStore(s -> s.compact(50));
      assertThat(db.count("ph_event")).isEqualTo(50);
    }

    assertThat(db.currentRevision()).isEqualTo(501);
    assertThat(db.compactedRevision()).isEqualTo(451);
    assertThat(db.count("ph_history")).isZero();
  }

  @Test
  void watchingFromACompactedRevisionIsExpired() {
    db.withStore(s -> s.create(CONFIG, "u", "{}", IndexedFields.EMPTY));
    for (int i = 0; i < 9; i++) {
      db.withStore(s -> s.update(CONFIG, 0, "{}", IndexedFields.EMPTY));
    }

    long compacted = db.compact(4);

    assertThat(compacted).isEqualTo(6);
    assertThat(db.eventsAfter(6, 100))
        .extracting(StoreEvent::revision)
        .containsExactly(7L, 8L, 9L, 10L);
    assertThatThrownBy(() -> db.eventsAfter(5, 100))
        .isInstanceOf(RevisionCompactedException.class)
        .hasMessage("too old resource version: 5 (6)");
  }

  @Test
  void compactingLessThanAlreadyCompactedChangesNothing() {
    db.withStore(s -> s.create(CONFIG, "u", "{}", IndexedFields.EMPTY));
    db.withStore(s -> s.update(CONFIG, 0, "{}", IndexedFields.EMPTY));
    db.withStore(s -> s.compact(0));

    assertThat(db.compact(1)).isEqualTo(2);
    assertThat(db.compact(100)).isEqualTo(2);
    assertThat(db.eventsAfter(2, 10)).isEmpty();
  }

  @Test
  void historyKeepsTheLastRevisionsNewestFirst() {
    db.withStore(s -> s.create(CONFIG, "u", "{\"v\":0}", IndexedFields.EMPTY));
    for (int i = 1; i <= 11; i++) {
      int v = i;
      db.withStore(s -> s.update(CONFIG, 0, "{\"v\":" + v + "}", IndexedFields.EMPTY));
    }

    List<ObjectRevision> history = db.history(CONFIG, 100);

    assertThat(history).extracting(ObjectRevision::revision).containsExactly(12L, 11L, 10L, 9L, 8L);
    assertThat(history.get(0).body()).isEqualTo("{\"v\":11}");
    assertThat(history).extracting(ObjectRevision::type).containsOnly(EventType.MODIFIED);
    assertThat(db.history(CONFIG, 2)).hasSize(2);
    assertThat(db.count("ph_history")).isEqualTo(5);
  }

  @Test
  void aDeletionLeavesRoomForTheRecreatedKeysAddedRow() {
    db.withStore(s -> s.create(CONFIG, "u", "{\"v\":0}", IndexedFields.EMPTY));
    for (int i = 1; i <= 7; i++) {
      int v = i;
      db.withStore(s -> s.update(CONFIG, 0, "{\"v\":" + v + "}", IndexedFields.EMPTY));
    }
    db.withStore(s -> s.delete(CONFIG, 0));

    assertThat(db.history(CONFIG, 100))
        .extracting(ObjectRevision::revision)
        .containsExactly(9L, 8L, 7L, 6L);

    db.withStore(s -> s.create(CONFIG, "u2", "{\"v\":\"new\"}", IndexedFields.EMPTY));

    List<ObjectRevision> history = db.history(CONFIG, 100);
    assertThat(history).extracting(ObjectRevision::revision).containsExactly(10L, 9L, 8L, 7L, 6L);
    assertThat(history.get(0).type()).isEqualTo(EventType.ADDED);
    assertThat(history.get(1).type()).isEqualTo(EventType.DELETED);
    assertThat(db.count("ph_history")).isEqualTo(5);
  }

  @Test
  void aCreateAddsOneHistoryRowAndReadsNone() {
    db.withStore(
        s -> {
          for (int i = 0; i < 8; i++) {
            s.create(CONFIG.withName("c" + i), "u" + i, "{}", IndexedFields.EMPTY);
          }
        });

    assertThat(db.count("ph_history")).isEqualTo(8);
  }

  @Test
  void leasesAndEventsKeepNoHistory() {
    List<ObjectKey> churning =
        List.of(
            LEASE,
            ObjectKey.namespaced("", "events", "default", "pod.1"),
            ObjectKey.namespaced("events.k8s.io", "events", "default", "pod.2"));
    db.withStore(
        s -> {
          for (ObjectKey key : churning) {
            s.create(key, "u", "{}", IndexedFields.EMPTY);
            s.update(key, 0, "{}", IndexedFields.EMPTY);
          }
          s.create(CONFIG, "u", "{}", IndexedFields.EMPTY);
        });

    for (ObjectKey key : churning) {
      assertThat(db.history(key, 10)).isEmpty();
    }
    assertThat(db.history(CONFIG, 10)).hasSize(1);
    assertThat(db.count("ph_event")).isEqualTo(7);
  }

  @Test
  void historyOfADeletedObjectGoesWithCompaction() {
    ObjectKey other = CONFIG.withName("other");
    db.withStore(
        s -> {
          s.create(CONFIG, "u", "{\"v\":1}", IndexedFields.EMPTY);
          s.update(CONFIG, 0, "{\"v\":2}", IndexedFields.EMPTY);
          s.delete(CONFIG, 0);
          s.create(other, "u2", "{}", IndexedFields.EMPTY);
        });
    List<ObjectRevision> beforeCompaction = db.history(CONFIG, 10);
    assertThat(beforeCompaction)
        .extracting(ObjectRevision::type)
        .containsExactly(EventType.DELETED, EventType.MODIFIED, EventType.ADDED);
    assertThat(beforeCompaction.get(0).body()).isEqualTo("{\"v\":2}");

    db.withStore(s -> s.compact(0));

    assertThat(db.history(CONFIG, 10)).isEmpty();
    assertThat(db.history(other, 10)).hasSize(1);
  }
}
