package io.pilothouse.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilothouse.store.EventType;
import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.LabelSelector;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoreEvent;
import io.pilothouse.store.watch.WatchCache;
import io.pilothouse.store.watch.WatchFilter;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event log as watches read it: gap-free runs, and selector transitions after a restart. */
class EventLogTest {

  private static final ObjectKey POD = ObjectKey.namespaced("", "pods", "default", "web-1");
  private static final IndexedFields WEB = IndexedFields.builder().label("app", "web").build();
  private static final IndexedFields DB = IndexedFields.builder().label("app", "db").build();

  private static TestDatabase db;

  @BeforeAll
  static void open() {
    db = TestDatabase.open("eventlog");
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
  void aRevisionNotYetVisibleEndsTheRun() {
    db.withStore(
        s -> {
          for (int i = 0; i < 3; i++) {
            s.create(POD.withName("p" + i), "u", "{}", WEB);
          }
        });
    db.inTransaction(
        em -> em.createNativeQuery("DELETE FROM ph_event WHERE evt_revision = 2").executeUpdate());

    assertThat(db.eventsAfter(0, 10)).extracting(StoreEvent::revision).containsExactly(1L);
    assertThat(db.eventsAfter(2, 10)).extracting(StoreEvent::revision).containsExactly(3L);
  }

  @Test
  void watchCacheFedFromTheLogKeepsTransitionsAcrossRestart() {
    db.withStore(s -> s.create(POD, "uid", "{\"v\":1}", DB));
    db.withStore(s -> s.update(POD, 0, "{\"v\":2}", WEB));
    db.withStore(s -> s.update(POD, 0, "{\"v\":3}", WEB));
    db.withStore(s -> s.update(POD, 0, "{\"v\":4}", DB));
    db.withStore(s -> s.delete(POD, 0));
    db.restart();

    WatchCache cache = new WatchCache(100, 0);
    List<StoreEvent> seen = new ArrayList<>();
    cache.subscribe(
        0, new WatchFilter("", "pods", "default", LabelSelector.parse("app=web"), null), seen::add);
    cache.append(db.eventsAfter(cache.lastRevision(), 100));

    assertThat(seen)
        .extracting(StoreEvent::revision, StoreEvent::type, StoreEvent::body)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, EventType.ADDED, "{\"v\":2}"),
            org.assertj.core.groups.Tuple.tuple(3L, EventType.MODIFIED, "{\"v\":3}"),
            org.assertj.core.groups.Tuple.tuple(4L, EventType.DELETED, "{\"v\":3}"));
    assertThat(cache.lastRevision()).isEqualTo(5);
  }

  @Test
  void theDatabaseItselfKeepsKeysUnique() {
    db.withStore(s -> s.create(POD, "u", "{}", WEB));

    assertThatThrownBy(
            () ->
                db.inTransaction(
                    em ->
                        em.createNativeQuery(
                                "INSERT INTO ph_object (create_revision, obj_group, obj_resource,"
                                    + " obj_namespace, obj_name, obj_uid, obj_body, mod_revision,"
                                    + " row_version) VALUES (99, '', 'pods', 'default', 'web-1',"
                                    + " 'u2', '{}', 99, 1)")
                            .executeUpdate()))
        .isInstanceOf(PersistenceException.class)
        .satisfies(e -> assertThat(StoreContext.isUniqueViolation(e)).isTrue());
  }
}
