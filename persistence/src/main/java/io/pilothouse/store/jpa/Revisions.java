package io.pilothouse.store.jpa;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The global revision counter. A write locks the counter row ({@code SELECT ... FOR UPDATE}) before
 * it looks at anything and holds the lock until its transaction ends, so writes are serialised,
 * commit in revision order, and a write that fails or rolls back never leaves a gap: the counter is
 * only advanced once the write is sure to happen.
 */
final class Revisions {

  private final EntityManager em;

  Revisions(EntityManager em) {
    this.em = em;
  }

  /** Locks a counter row for the rest of the transaction, creating it on first use. */
  CounterRow lock(String counter) {
    CounterRow row =
        em.createNamedQuery(CounterRow.LOCK, CounterRow.class)
            .setParameter("id", counter)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (row == null) {
      row = new CounterRow(counter, 0);
      em.persist(row);
      em.flush();
    }
    return row;
  }

  /** Advances the locked revision counter and returns the revision of the write under way. */
  long next(CounterRow locked) {
    long revision = locked.value() + 1;
    locked.value(revision);
    return revision;
  }

  /**
   * Moves a locked revision counter up to the newest revision the event log or an object row
   * carries, if it is behind them (a write lost to the H2 race described in {@link H2Dialect});
   * returns the revision it was raised to, or 0 when it was level.
   */
  long raiseToWrittenRevisions(CounterRow locked) {
    long written =
        Math.max(
            max("SELECT MAX(e.revision) FROM EventRow e"),
            max("SELECT MAX(o.modRevision) FROM ObjectRow o"));
    if (written <= locked.value()) {
      return 0;
    }
    locked.value(written);
    em.flush();
    return written;
  }

  private long max(String jpql) {
    Long value = em.createQuery(jpql, Long.class).getSingleResult();
    return value == null ? 0 : value;
  }

  /** The committed value of a counter (or this transaction's own), 0 when it does not exist yet. */
  long read(String counter) {
    List<Long> values =
        em.createQuery("SELECT c.counterValue FROM CounterRow c WHERE c.id = :id", Long.class)
            .setParameter("id", counter)
            .getResultList();
    return values.isEmpty() ? 0 : values.get(0);
  }
}
