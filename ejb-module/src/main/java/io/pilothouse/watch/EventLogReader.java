package io.pilothouse.watch;

import io.pilothouse.registry.ObjectCodec;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.StoreSettings;
import io.pilothouse.store.ListQuery;
import io.pilothouse.store.ObjectStore;
import io.pilothouse.store.RevisionCompactedException;
import io.pilothouse.store.StoreEvent;
import io.pilothouse.store.StoredObject;
import io.pilothouse.store.watch.CachedObject;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the store's event log for the watch cache and for watches that start before what the cache
 * holds, and the listings the object cache starts from, each read in a short transaction of its
 * own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class EventLogReader {

  @PersistenceContext(unitName = "pilothouse")
  private EntityManager em;

  @Inject private StoreSettings settings;

  private ObjectStore store() {
    return settings.store(em);
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

  /**
   * Every object of a resource as stored now, with its indexed fields, for the object cache's
   * listing (read-only: the rows are not registered in the unit of work).
   */
  public List<CachedObject> snapshot(ResourceType type) {
    List<StoredObject> items =
        store().list(ListQuery.of(type.group(), type.resource()).build()).items();
    List<CachedObject> objects = new ArrayList<>(items.size());
    for (StoredObject stored : items) {
      objects.add(
          new CachedObject(
              stored.key(),
              stored.uid(),
              stored.body(),
              ObjectCodec.index(type, ObjectCodec.decode(stored)),
              stored.modRevision()));
    }
    return objects;
  }
}
