package io.pilothouse.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.ObjectRevision;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each history row records when it was written, so the dashboard can say when a change happened.
 */
class HistoryTimesTest {

  @Test
  void revisionsCarryTheirWriteTimeNewestFirst() {
    ObjectKey key = ObjectKey.cluster("", "nodes", "n1");
    Instant before = Instant.now().minusSeconds(1);
    try (TestDatabase db = TestDatabase.open("history-times")) {
      db.withStore(s -> s.create(key, "u1", "{\"v\":1}", IndexedFields.EMPTY));
      db.withStore(s -> s.update(key, 0, "{\"v\":2}", IndexedFields.EMPTY));
      List<ObjectRevision> history = db.inStore(s -> s.history(key, 10));
      assertThat(history)
          .extracting(ObjectRevision::body)
          .containsExactly("{\"v\":2}", "{\"v\":1}");
      assertThat(history)
          .allSatisfy(
              r ->
                  assertThat(r.writtenAt()).isAfter(before).isBefore(Instant.now().plusSeconds(1)));
      assertThat(history.get(0).writtenAt()).isAfterOrEqualTo(history.get(1).writtenAt());
    }
  }

  @Test
  void aRowWrittenBeforeTimesWereKeptReadsWithoutATime() {
    ObjectKey key = ObjectKey.cluster("", "nodes", "n1");
    try (TestDatabase db = TestDatabase.open("history-no-time")) {
      db.withStore(s -> s.create(key, "u1", "{\"v\":1}", IndexedFields.EMPTY));
      // as a database from before the hist_millis column holds it after the column was added
      db.inTransaction(
          em -> em.createNativeQuery("UPDATE ph_history SET hist_millis = NULL").executeUpdate());

      List<ObjectRevision> history = db.inStore(s -> s.history(key, 10));

      assertThat(history).extracting(ObjectRevision::body).containsExactly("{\"v\":1}");
      assertThat(history.get(0).writtenAt()).isNull();
    }
  }
}
