package io.pilothouse.store.watch;

import io.pilothouse.store.EventType;
import io.pilothouse.store.FieldSelector;
import io.pilothouse.store.LabelSelector;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoreEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The current state of the cached resources in memory, as client-go's shared informer store: what
 * the controllers' listers read instead of the database. It starts from a listing taken after its
 * start revision and is then kept level by the same gap-free run of event-log events that feeds the
 * {@link WatchCache}, so after applying the events up to R it holds every object as of R or later.
 *
 * <p>The listing may already show some objects newer than the start revision; an event changes an
 * entry only when it is newer than the entry, so replaying the events after the start revision over
 * such a listing converges on exactly the state at the last event. Objects are indexed by resource
 * and namespace (what listers ask for). One thread applies events; any thread reads.
 */
public final class ObjectCache {

  private final Set<String> resources;
  private final Map<String, Map<String, Map<String, CachedObject>>> byResource =
      new ConcurrentHashMap<>();
  private final Object revisionMonitor = new Object();
  private volatile long revision;

  /**
   * @param resources the cached resources, as {@link ObjectKey#groupResource()}
   * @param startRevision the revision the listing was taken at (or after)
   * @param listing every object of those resources, read after {@code startRevision}
   */
  public ObjectCache(Set<String> resources, long startRevision, Collection<CachedObject> listing) {
    this.resources = Set.copyOf(resources);
    this.revision = startRevision;
    for (CachedObject object : listing) {
      if (caches(object.key().groupResource())) {
        namespace(object.key(), true).merge(object.key().name(), object, ObjectCache::newer);
      }
    }
  }

  /** Whether objects of this resource ({@code pods}, {@code replicasets.apps}) are cached. */
  public boolean caches(String groupResource) {
    return resources.contains(groupResource);
  }

  /**
   * Applies events in revision order; events at or below {@link #revision()} were applied already.
   * Wakes the readers waiting for a revision.
   */
  public void apply(List<StoreEvent> events) {
    long applied = revision;
    for (StoreEvent event : events) {
      if (event.revision() <= applied) {
        continue;
      }
      if (caches(event.key().groupResource())) {
        applyOne(event);
      }
      applied = event.revision();
    }
    synchronized (revisionMonitor) {
      revision = applied;
      revisionMonitor.notifyAll();
    }
  }

  private void applyOne(StoreEvent event) {
    ObjectKey key = event.key();
    if (event.type() == EventType.DELETED) {
      Map<String, CachedObject> names = namespace(key, false);
      if (names != null) {
        names.computeIfPresent(
            key.name(), (name, held) -> held.modRevision() < event.revision() ? null : held);
      }
      return;
    }
    CachedObject object =
        new CachedObject(key, event.uid(), event.body(), event.fields(), event.revision());
    namespace(key, true).merge(key.name(), object, ObjectCache::newer);
  }

  /** The revision of the last event applied: the cache shows every object as of it or later. */
  public long revision() {
    return revision;
  }

  /**
   * Waits until the cache has applied {@code target}, at most {@code timeoutMillis}.
   *
   * @return whether it has
   */
  public boolean awaitRevision(long target, long timeoutMillis) throws InterruptedException {
    if (revision >= target) {
      return true;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (revisionMonitor) {
      while (revision < target) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return false;
        }
        revisionMonitor.wait(left);
      }
      return true;
    }
  }

  /** The object with this key, if the cache holds it. */
  public Optional<CachedObject> get(ObjectKey key) {
    Map<String, CachedObject> names = namespace(key, false);
    return names == null ? Optional.empty() : Optional.ofNullable(names.get(key.name()));
  }

  /**
   * The objects of a resource in one namespace ({@code ""} for cluster-scoped resources) or in all
   * ({@code namespace} null) that both selectors select (null selects everything), in no order.
   */
  public List<CachedObject> list(
      String group, String resource, String namespace, LabelSelector labels, FieldSelector fields) {
    Map<String, Map<String, CachedObject>> namespaces =
        byResource.get(new ObjectKey(group, resource, "", "-").groupResource());
    List<CachedObject> result = new ArrayList<>();
    if (namespaces == null) {
      return result;
    }
    Collection<Map<String, CachedObject>> scopes =
        namespace == null
            ? namespaces.values()
            : Optional.ofNullable(namespaces.get(namespace)).stream().toList();
    for (Map<String, CachedObject> names : scopes) {
      for (CachedObject object : names.values()) {
        if ((labels == null || labels.matches(object.fields().labels()))
            && (fields == null || fields.matches(object.key(), object.fields().fields()))) {
          result.add(object);
        }
      }
    }
    return result;
  }

  /** How many objects the cache holds; for metrics and tests. */
  public int size() {
    return byResource.values().stream()
        .flatMap(namespaces -> namespaces.values().stream())
        .mapToInt(Map::size)
        .sum();
  }

  private Map<String, CachedObject> namespace(ObjectKey key, boolean create) {
    if (!create) {
      Map<String, Map<String, CachedObject>> namespaces = byResource.get(key.groupResource());
      return namespaces == null ? null : namespaces.get(key.namespace());
    }
    return byResource
        .computeIfAbsent(key.groupResource(), r -> new ConcurrentHashMap<>())
        .computeIfAbsent(key.namespace(), ns -> new ConcurrentHashMap<>());
  }

  private static CachedObject newer(CachedObject held, CachedObject incoming) {
    return incoming.modRevision() > held.modRevision() ? incoming : held;
  }
}
