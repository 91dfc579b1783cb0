package io.pilothouse.store.jpa;

import io.pilothouse.store.EventType;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoreEvent;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The event log ({@code ph_event}), etcd's revision history: one row per write, appended in the
 * write's transaction, read in revision order by watches, trimmed from the old end by compaction.
 * Each write also leaves its body in the object {@link History}, and its event with the store's
 * {@link EventSink}.
 */
final class EventLog {

  private final EntityManager em;
  private final History history;
  private final EventSink sink;

  EventLog(EntityManager em, History history, EventSink sink) {
    this.em = em;
    this.history = history;
    this.sink = sink;
  }

  void append(long revision, EventType type, ObjectKey key, String uid, EventRow.Bodies bodies) {
    em.persist(new EventRow(revision, type, key, uid, bodies));
    history.record(revision, type, key, bodies.body());
    if (sink != EventSink.NONE) {
      sink.appended(
          new StoreEvent(
              revision,
              type,
              key,
              uid,
              bodies.body(),
              bodies.prevBody(),
              IndexedFieldsCodec.decode(bodies.indexed()),
              IndexedFieldsCodec.decode(bodies.prevIndexed())));
    }
  }

  /** Up to {@code max} rows above {@code revision}, oldest first, as events. */
  List<StoreEvent> after(long revision, int max) {
    return em
        .createQuery(
            "SELECT e.revision, e.eventType, e.apiGroup, e.resource, e.namespace, e.name, e.uid,"
                + " e.body, e.prevBody, e.indexed, e.prevIndexed FROM EventRow e"
                + " WHERE e.revision > :rev ORDER BY e.revision",
            Object[].class)
        .setParameter("rev", revision)
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(EventLog::toEvent)
        .toList();
  }

  /** Deletes every row at or below {@code revision}. */
  int compact(long revision) {
    return em.createQuery("DELETE FROM EventRow e WHERE e.revision <= :rev")
        .setParameter("rev", revision)
        .executeUpdate();
  }

  private static StoreEvent toEvent(Object[] r) {
    ObjectKey key = new ObjectKey((String) r[2], (String) r[3], (String) r[4], (String) r[5]);
    return new StoreEvent(
        (Long) r[0],
        (EventType) r[1],
        key,
        (String) r[6],
        (String) r[7],
        (String) r[8],
        IndexedFieldsCodec.decode((String) r[9]),
        IndexedFieldsCodec.decode((String) r[10]));
  }
}
