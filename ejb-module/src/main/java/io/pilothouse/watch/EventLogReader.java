package io.pilothouse.watch;

import io.pilothouse.registry.StoreSettings;
import io.pilothouse.store.ObjectStore;
import io.pilothouse.store.RevisionCompactedException;
import io.pilothouse.store.StoreEvent;
import io.pilothouse.store.jpa.JpaObjectStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Reads the store's event log for the watch cache and for watches that start before what the cache
 * holds, each read in a short transaction of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class EventLogReader {

  @PersistenceContext(unitName = "pilothouse")
  private EntityManager em;

  @Inject private StoreSettings settings;

  private ObjectStore store() {
    return new JpaObjectStore(em, settings.dialect(), settings.config());
  }

  /**
   * Up to {@code max} events after a revision, in order.
   *
   * @throws WatchExpiredException if the revision was compacted
   */
  public List<StoreEvent> eventsAfter(long revision, int max) {
    try {
      return store().eventsAfter(revision, max);
    } catch (RevisionCompactedException e) {
      throw new WatchExpiredException(
          "too old resource version: " + revision + " (" + store().compactedRevision() + ")");
    }
  }

  /** The store's current revision. */
  public long currentRevision() {
    return store().currentRevision();
  }

  /** The newest compacted revision. */
  public long compactedRevision() {
    return store().compactedRevision();
  }
}
