package io.pilothouse.store.jpa;

import io.pilothouse.store.EventType;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.ObjectRevision;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;

/**
 * The object history: the last {@link StoreConfig#historyDepth()} bodies of each key, written with
 * every write except to excluded resources and trimmed by updates and deletes, so no key holds
 * more. A deletion keeps one row fewer (its DELETED row included), leaving room for the ADDED row
 * of the key's next create, which therefore need not trim (and, on the hot create path, does not
 * query the history at all). The rows of a deleted object stay until the key is written again, or
 * until compaction passes their revisions while the key has no live object. (A key deleted before
 * this rule, with a full history, holds one row more after its re-creation until its next write.)
 */
final class History {

  private static final String KEY_MATCH =
      "h.apiGroup = :g AND h.resource = :r AND h.namespace = :ns AND h.name = :n";

  private final EntityManager em;
  private final StoreConfig config;

  History(EntityManager em, StoreConfig config) {
    this.em = em;
    this.config = config;
  }

  /** Adds one row for a write; call {@link #trim} once the row is flushed. */
  void record(long revision, EventType type, ObjectKey key, String body) {
    if (config.keepsHistory(key)) {
      em.persist(new HistoryRow(revision, type, key, body));
    }
  }

  /** Deletes the key's rows beyond the newest {@code historyDepth}; after an update. */
  void trim(ObjectKey key) {
    trim(key, config.historyDepth());
  }

  /** Deletes the key's rows beyond the newest {@code historyDepth - 1}: room for a re-creation. */
  void trimAfterDelete(ObjectKey key) {
    trim(key, config.historyDepth() - 1);
  }

  private void trim(ObjectKey key, int keep) {
    if (!config.keepsHistory(key)) {
      return;
    }
    List<Long> oldestKept =
        bind(
                em.createQuery(
                    "SELECT h.revision FROM HistoryRow h WHERE "
                        + KEY_MATCH
                        + " ORDER BY h.revision DESC",
                    Long.class),
                key)
            .setFirstResult(keep)
            .setMaxResults(1)
            .getResultList();
    if (!oldestKept.isEmpty()) {
      bind(
              em.createQuery(
                  "DELETE FROM HistoryRow h WHERE " + KEY_MATCH + " AND h.revision <= :rev"),
              key)
          .setParameter("rev", oldestKept.get(0))
          .executeUpdate();
    }
  }

  /** Newest first, at most {@code max} rows. */
  List<ObjectRevision> read(ObjectKey key, int max) {
    TypedQuery<Object[]> query =
        bind(
            em.createQuery(
                "SELECT h.revision, h.eventType, h.body, h.writtenAt FROM HistoryRow h WHERE "
                    + KEY_MATCH
                    + " ORDER BY h.revision DESC",
                Object[].class),
            key);
    return query.setMaxResults(max).getResultList().stream()
        .map(
            r ->
                new ObjectRevision(
                    key, (Long) r[0], (EventType) r[1], (String) r[2], writtenAt((Long) r[3])))
        .toList();
  }

  /** Null for rows written before the column existed (their time was kept in another form). */
  private static Instant writtenAt(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  /**
   * Compaction's part: drops rows at or below {@code revision} of keys that have no live object.
   */
  int compact(long revision) {
    return em.createQuery(
            "DELETE FROM HistoryRow h WHERE h.revision <= :rev AND NOT EXISTS (SELECT o FROM"
                + " ObjectRow o WHERE o.apiGroup = h.apiGroup AND o.resource = h.resource AND"
                + " o.namespace = h.namespace AND o.name = h.name)")
        .setParameter("rev", revision)
        .executeUpdate();
  }

  private static <Q extends jakarta.persistence.Query> Q bind(Q query, ObjectKey key) {
    query
        .setParameter("g", key.group())
        .setParameter("r", key.resource())
        .setParameter("ns", key.namespace())
        .setParameter("n", key.name());
    return query;
  }
}
