package io.pilothouse.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilothouse.store.AlreadyExistsException;
import io.pilothouse.store.ConflictException;
import io.pilothouse.store.EventType;
import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.ListQuery;
import io.pilothouse.store.NotFoundException;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoreEvent;
import io.pilothouse.store.StoredObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store contract for single objects: the verbs, their errors, revisions and the event log. */
class JpaObjectStoreTest {

  private static final ObjectKey POD = ObjectKey.namespaced("", "pods", "default", "web-1");
  private static final IndexedFields WEB = IndexedFields.builder().label("app", "web").build();

  private static TestDatabase db;

  @BeforeAll
  static void openDatabase() {
    db = TestDatabase.open("crud");
  }

  @AfterAll
  static void closeDatabase() {
    db.close();
  }

  @BeforeEach
  void emptyStore() {
    db.clear();
  }

  @Test
  void createThenGet() {
    StoredObject created = db.inStore(s -> s.create(POD, "uid-1", "{\"v\":1}", WEB));

    assertThat(created.createRevision()).isEqualTo(1);
    assertThat(created.modRevision()).isEqualTo(1);
    assertThat(db.get(POD)).contains(created);
    assertThat(db.currentRevision()).isEqualTo(1);
  }

  @Test
  void getOfMissingKeyIsEmpty() {
    assertThat(db.get(POD)).isEmpty();
  }

  @Test
  void createOfExistingKeyFailsAndTakesNoRevision() {
    db.inStore(s -> s.create(POD, "uid-1", "{}", WEB));

    assertThatThrownBy(() -> db.inStore(s -> s.create(POD, "uid-2", "{}", WEB)))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessageContaining("web-1");
    assertThat(db.currentRevision()).isEqualTo(1);
  }

  @Test
  void uncheckedCreateFindsATakenKeyAtTheWriteAndItsRollbackLeavesNothing() {
    db.inStore(s -> s.create(POD, "uid-1", "{}", WEB));

    assertThatThrownBy(() -> db.inStore(s -> s.createUnchecked(POD, "uid-2", "{\"v\":2}", WEB)))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessageContaining("web-1");
    assertThat(db.currentRevision()).isEqualTo(1);
    assertThat(db.inStore(s -> s.get(POD)).orElseThrow().uid()).isEqualTo("uid-1");
    ObjectKey other = ObjectKey.namespaced("", "pods", "default", "web-2");
    assertThat(db.inStore(s -> s.createUnchecked(other, "uid-3", "{}", WEB)).modRevision())
        .isEqualTo(2);
  }

  @Test
  void failedWriteInACommittedTransactionLeavesNoGap() {
    db.inStore(s -> s.create(POD, "uid-1", "{}", WEB));

    db.withStore(
        s -> {
          assertThatThrownBy(() -> s.create(POD, "uid-2", "{}", WEB))
              .isInstanceOf(AlreadyExistsException.class);
          assertThatThrownBy(() -> s.update(POD, 99, "{}", WEB))
              .isInstanceOf(ConflictException.class);
        });

    StoredObject next = db.inStore(s -> s.update(POD, 0, "{\"v\":2}", WEB));
    assertThat(next.modRevision()).isEqualTo(2);
  }

  @Test
  void updateWithCurrentRevisionAdvancesRevision() {
    StoredObject created = db.inStore(s -> s.create(POD, "uid-1", "{\"v\":1}", WEB));

    StoredObject updated = db.inStore(s -> s.update(POD, created.modRevision(), "{\"v\":2}", WEB));

    assertThat(updated.modRevision()).isEqualTo(2);
    assertThat(updated.createRevision()).isEqualTo(1);
    assertThat(updated.uid()).isEqualTo("uid-1");
    assertThat(db.get(POD).orElseThrow().body()).isEqualTo("{\"v\":2}");
  }

  @Test
  void updateWithStaleRevisionConflicts() {
    StoredObject created = db.inStore(s -> s.create(POD, "uid-1", "{\"v\":1}", WEB));
    db.inStore(s -> s.update(POD, created.modRevision(), "{\"v\":2}", WEB));

    assertThatThrownBy(
            () -> db.inStore(s -> s.update(POD, created.modRevision(), "{\"v\":3}", WEB)))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "Operation cannot be fulfilled on pods \"web-1\": the object has been modified;"
                + " please apply your changes to the latest version and try again");
    assertThat(db.get(POD).orElseThrow().body()).isEqualTo("{\"v\":2}");
  }

  @Test
  void unconditionalUpdateIgnoresRevision() {
    db.inStore(s -> s.create(POD, "uid-1", "{\"v\":1}", WEB));
    db.inStore(s -> s.update(POD, 0, "{\"v\":2}", WEB));

    StoredObject updated = db.inStore(s -> s.update(POD, 0, "{\"v\":3}", WEB));

    assertThat(updated.modRevision()).isEqualTo(3);
    assertThat(updated.body()).isEqualTo("{\"v\":3}");
  }

  @Test
  void updateAndDeleteOfMissingKeyAreNotFound() {
    assertThatThrownBy(() -> db.inStore(s -> s.update(POD, 0, "{}", WEB)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> db.inStore(s -> s.delete(POD, 0)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void deleteReturnsLastStateAtTheDeleteRevision() {
    StoredObject created = db.inStore(s -> s.create(POD, "uid-1", "{\"v\":1}", WEB));

    StoredObject deleted = db.inStore(s -> s.delete(POD, created.modRevision()));

    assertThat(deleted).isEqualTo(new StoredObject(POD, "uid-1", "{\"v\":1}", 1, 2));
    assertThat(db.get(POD)).isEmpty();
    assertThat(db.count("ph_label")).isZero();
  }

  @Test
  void deleteWithStaleRevisionConflicts() {
    db.inStore(s -> s.create(POD, "uid-1", "{}", WEB));
    db.inStore(s -> s.update(POD, 0, "{}", WEB));

    assertThatThrownBy(() -> db.inStore(s -> s.delete(POD, 1)))
        .isInstanceOf(ConflictException.class);
    assertThat(db.get(POD)).isPresent();
  }

  @Test
  void recreatedKeyGetsANewCreateRevision() {
    db.inStore(s -> s.create(POD, "uid-1", "{}", WEB));
    db.inStore(s -> s.delete(POD, 0));

    StoredObject again = db.inStore(s -> s.create(POD, "uid-2", "{}", WEB));

    assertThat(again.createRevision()).isEqualTo(3);
    assertThat(again.uid()).isEqualTo("uid-2");
  }

  @Test
  void everyWriteLogsOneEventWithContiguousRevisions() {
    IndexedFields db1 = IndexedFields.builder().label("app", "db").build();
    db.withStore(
        s -> {
          s.create(POD, "uid-1", "{\"v\":1}", WEB);
          s.update(POD, 0, "{\"v\":2}", db1);
        });
    db.inStore(s -> s.create(POD.withName("web-2"), "uid-2", "{}", WEB));
    db.inStore(s -> s.delete(POD, 0));

    List<StoreEvent> events = db.eventsAfter(0, 100);

    assertThat(events).extracting(StoreEvent::revision).containsExactly(1L, 2L, 3L, 4L);
    assertThat(events)
        .extracting(StoreEvent::type)
        .containsExactly(EventType.ADDED, EventType.MODIFIED, EventType.ADDED, EventType.DELETED);
    StoreEvent added = events.get(0);
    assertThat(added.prevBody()).isNull();
    assertThat(added.prevFields()).isNull();
    assertThat(added.fields()).isEqualTo(WEB);
    StoreEvent modified = events.get(1);
    assertThat(modified.body()).isEqualTo("{\"v\":2}");
    assertThat(modified.prevBody()).isEqualTo("{\"v\":1}");
    assertThat(modified.fields()).isEqualTo(db1);
    assertThat(modified.prevFields()).isEqualTo(WEB);
    StoreEvent deleted = events.get(3);
    assertThat(deleted.body()).isEqualTo("{\"v\":2}");
    assertThat(deleted.prevBody()).isEqualTo("{\"v\":2}");
    assertThat(deleted.fields()).isEqualTo(db1);
    assertThat(deleted.uid()).isEqualTo("uid-1");
    assertThat(db.eventsAfter(2, 1)).extracting(StoreEvent::revision).containsExactly(3L);
  }

  @Test
  void rolledBackWriteLeavesNoTraceAndNoGap() {
    db.inStore(s -> s.create(POD, "uid-1", "{}", WEB));
    ObjectKey ghost = POD.withName("ghost");
    EntityManager em = db.factory().createEntityManager();
    try {
      em.getTransaction().begin();
      db.store(em).create(ghost, "uid-g", "{}", WEB);
      db.store(em).update(POD, 0, "{\"v\":2}", WEB);
      em.getTransaction().rollback();
    } finally {
      em.close();
    }

    StoredObject next = db.inStore(s -> s.create(POD.withName("web-2"), "uid-2", "{}", WEB));

    assertThat(next.modRevision()).isEqualTo(2);
    assertThat(db.get(ghost)).isEmpty();
    assertThat(db.get(POD).orElseThrow().body()).isEqualTo("{}");
    assertThat(db.eventsAfter(0, 100)).extracting(StoreEvent::revision).containsExactly(1L, 2L);
    assertThat(db.count("ph_label")).isEqualTo(2);
  }

  @Test
  void indexedFieldsAreRewrittenOnlyWhenTheyChange() {
    db.inStore(s -> s.create(POD, "uid-1", "{}", WEB));
    db.inStore(s -> s.update(POD, 0, "{\"status\":1}", WEB));
    assertThat(db.count("ph_label")).isEqualTo(1);

    db.inStore(s -> s.update(POD, 0, "{}", IndexedFields.builder().field("a", "b").build()));

    assertThat(db.count("ph_label")).isZero();
    assertThat(db.count("ph_field")).isEqualTo(1);
  }

  @Test
  void everyLabelFieldAndOwnerGetsItsIndexRow() {
    IndexedFields many =
        IndexedFields.builder()
            .labels(java.util.Map.of("app", "web", "tier", "front", "x", ""))
            .field("spec.nodeName", "n1")
            .field("status.phase", "Pending")
            .owner("o1")
            .owner("o2")
            .build();
    db.inStore(s -> s.create(POD, "uid-1", "{}", many));

    assertThat(db.count("ph_label")).isEqualTo(3);
    assertThat(db.count("ph_field")).isEqualTo(2);
    assertThat(db.count("ph_owner")).isEqualTo(2);

    db.inStore(s -> s.update(POD, 0, "{}", IndexedFields.builder().owner("o3").build()));

    assertThat(db.count("ph_label")).isZero();
    assertThat(db.count("ph_field")).isZero();
    assertThat(db.count("ph_owner")).isEqualTo(1);
  }

  @Test
  void anUpdateRewritesOnlyTheIndexRowsThatChangedAndSelectorsFollowIt() {
    IndexedFields before =
        IndexedFields.builder()
            .labels(java.util.Map.of("app", "web", "tier", "front", "gone", "x"))
            .field("spec.nodeName", "")
            .field("status.phase", "Pending")
            .owner("o1")
            .build();
    db.inStore(s -> s.create(POD, "uid-1", "{}", before));
    IndexedFields after =
        IndexedFields.builder()
            .labels(java.util.Map.of("app", "web", "tier", "back", "new", "y"))
            .field("spec.nodeName", "n1")
            .field("status.phase", "Pending")
            .owner("o1")
            .build();
    db.inStore(s -> s.update(POD, 0, "{}", after));

    assertThat(db.count("ph_label")).isEqualTo(3);
    assertThat(db.count("ph_field")).isEqualTo(2);
    assertThat(db.count("ph_owner")).isEqualTo(1);
    assertThat(selected(ListQuery.of("", "pods").labelSelector("tier=back").build())).isOne();
    assertThat(selected(ListQuery.of("", "pods").labelSelector("tier=front").build())).isZero();
    assertThat(selected(ListQuery.of("", "pods").labelSelector("gone").build())).isZero();
    assertThat(selected(ListQuery.of("", "pods").labelSelector("new=y,app=web").build())).isOne();
    assertThat(selected(ListQuery.of("", "pods").fieldSelector("spec.nodeName=n1").build()))
        .isOne();
    assertThat(selected(ListQuery.of("", "pods").fieldSelector("spec.nodeName=").build())).isZero();
    assertThat(selected(ListQuery.of("", "pods").fieldSelector("status.phase=Pending").build()))
        .isOne();
    assertThat(selected(ListQuery.of("", "pods").ownerUid("o1").build())).isOne();
  }

  @Test
  void aDeleteRemovesEveryIndexRowOfTheObjectAndNoOtherObjects() {
    IndexedFields many =
        IndexedFields.builder()
            .labels(java.util.Map.of("app", "web", "tier", "front"))
            .field("spec.nodeName", "n1")
            .field("status.phase", "Pending")
            .owner("o1")
            .build();
    ObjectKey other = ObjectKey.namespaced("", "pods", "default", "web-2");
    db.inStore(s -> s.create(POD, "uid-1", "{}", many));
    db.inStore(s -> s.create(other, "uid-2", "{}", many));

    db.inStore(s -> s.delete(POD, 0));

    assertThat(db.count("ph_label")).isEqualTo(2);
    assertThat(db.count("ph_field")).isEqualTo(2);
    assertThat(db.count("ph_owner")).isEqualTo(1);
    assertThat(selected(ListQuery.of("", "pods").labelSelector("tier=front").build())).isOne();
  }

  @Test
  void rowsThatDoNotRecordTheirIndexedFieldsAreStillCleanedUp() {
    IndexedFields fields = IndexedFields.builder().label("app", "web").field("a", "b").build();
    ObjectKey second = ObjectKey.namespaced("", "pods", "default", "web-2");
    db.inStore(s -> s.create(POD, "uid-1", "{}", fields));
    db.inStore(s -> s.create(second, "uid-2", "{}", fields));
    // as written before obj_indexed existed
    db.inTransaction(
        em -> em.createNativeQuery("UPDATE ph_object SET obj_indexed = NULL").executeUpdate());

    db.inStore(s -> s.delete(POD, 0));
    db.inStore(s -> s.update(second, 0, "{}", IndexedFields.builder().label("app", "db").build()));

    assertThat(db.count("ph_field")).isZero();
    assertThat(db.count("ph_label")).isOne();
    assertThat(selected(ListQuery.of("", "pods").labelSelector("app=db").build())).isOne();
  }

  @Test
  void anEmptyFieldValueHasNoRowAndSelectorsStillReadItAsEmpty() {
    IndexedFields pending =
        IndexedFields.builder()
            .label("flag", "")
            .field("spec.nodeName", "")
            .field("status.phase", "Pending")
            .build();
    db.inStore(s -> s.create(POD, "uid-1", "{}", pending));

    assertThat(db.count("ph_field")).isOne();
    assertThat(db.count("ph_label")).as("an empty label value still means the label").isOne();
    assertThat(selected(ListQuery.of("", "pods").fieldSelector("spec.nodeName=").build())).isOne();
    assertThat(selected(ListQuery.of("", "pods").fieldSelector("spec.nodeName!=").build()))
        .isZero();
    assertThat(selected(ListQuery.of("", "pods").fieldSelector("spec.nodeName!=n1").build()))
        .isOne();
    assertThat(selected(ListQuery.of("", "pods").labelSelector("flag").build())).isOne();

    db.inStore(
        s ->
            s.update(
                POD,
                0,
                "{}",
                IndexedFields.builder()
                    .field("spec.nodeName", "n1")
                    .field("status.phase", "Pending")
                    .build()));
    assertThat(selected(ListQuery.of("", "pods").fieldSelector("spec.nodeName=n1").build()))
        .isOne();
    assertThat(selected(ListQuery.of("", "pods").fieldSelector("spec.nodeName=").build())).isZero();

    db.inStore(s -> s.update(POD, 0, "{}", pending));
    assertThat(db.count("ph_field")).isOne();
    assertThat(selected(ListQuery.of("", "pods").fieldSelector("spec.nodeName=").build())).isOne();
  }

  @Test
  void aRowForAnEmptyValueLeftByAnEarlierVersionIsReplacedWhenTheValueChanges() {
    IndexedFields pending = IndexedFields.builder().field("spec.nodeName", "").build();
    db.inStore(s -> s.create(POD, "uid-1", "{}", pending));
    db.inTransaction(
        em ->
            em.createNativeQuery(
                    "INSERT INTO ph_field (obj_id, fld_path, fld_value) SELECT create_revision,"
                        + " 'spec.nodeName', '' FROM ph_object")
                .executeUpdate());

    db.inStore(
        s -> s.update(POD, 0, "{}", IndexedFields.builder().field("spec.nodeName", "n1").build()));

    assertThat(db.count("ph_field")).isOne();
    assertThat(selected(ListQuery.of("", "pods").fieldSelector("spec.nodeName=n1").build()))
        .isOne();
  }

  private int selected(ListQuery query) {
    return db.inStore(s -> s.list(query)).items().size();
  }

  @Test
  void revisionAndCompactionSurviveRestart() {
    db.inStore(s -> s.create(POD, "uid-1", "{}", WEB));
    db.inStore(s -> s.update(POD, 0, "{}", WEB));
    db.inStore(s -> s.update(POD, 0, "{}", WEB));
    db.inStore(s -> s.compact(1));

    db.restart();

    assertThat(db.currentRevision()).isEqualTo(3);
    assertThat(db.compactedRevision()).isEqualTo(2);
    assertThat(db.inStore(s -> s.update(POD, 3, "{}", WEB)).modRevision()).isEqualTo(4);
  }

  @Test
  void lostOptimisticLockRaceIsAConflict() {
    EntityManager failing =
        (EntityManager)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                  throw new OptimisticLockException("row changed");
                });
    StoreContext ctx =
        StoreContext.create(
            failing, SqlDialect.H2, StoreConfig.DEFAULT, WriteGate.NONE, EventSink.NONE);

    assertThatThrownBy(() -> ctx.flush(POD))
        .isInstanceOf(ConflictException.class)
        .hasCauseInstanceOf(OptimisticLockException.class);
  }
}
