package io.pilothouse.registry;

import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.store.watch.ObjectCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This instance's shared informer store: the {@link ObjectCache} the watch cache feeder keeps level
 * with the event log (set by the feeder when it starts and whenever it refills), and, per resource,
 * the newest revision a write on this instance committed. Readers that must see their own
 * instance's acknowledged writes of a resource (read-your-writes, as the database gives) wait for
 * the cache to reach that revision and read the database instead when it does not in time; waiting
 * for the resource's own writes only (not every write) keeps readers of rarely written resources,
 * such as namespaces, from waiting behind a busy write load.
 */
@ApplicationScoped
public class Informers {

  private final AtomicLong committed = new AtomicLong();
  private final Map<String, AtomicLong> committedByResource = new ConcurrentHashMap<>();
  private volatile ObjectCache objects;

  /** Runs before the write's caller has its reply, so the reply's revision is counted. */
  void onLocalCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) StoreChange change) {
    committed.accumulateAndGet(change.revision(), Math::max);
    String groupResource =
        change.group().isEmpty() ? change.resource() : change.resource() + "." + change.group();
    committedByResource
        .computeIfAbsent(groupResource, r -> new AtomicLong())
        .accumulateAndGet(change.revision(), Math::max);
  }

  /** The object cache, or null before the feeder started. */
  public ObjectCache objects() {
    return objects;
  }

  /** Installs the feeder's (new) object cache. */
  public void objects(ObjectCache cache) {
    this.objects = cache;
  }

  /** The newest revision committed by a write on this instance. */
  public long committedHere() {
    return committed.get();
  }

  /**
   * The object cache once it holds every write to {@code groupResource} ({@code namespaces}) this
   * instance committed so far; empty when it has not started or does not catch up within {@code
   * timeoutMillis}.
   */
  public Optional<ObjectCache> withLocalWritesOf(String groupResource, long timeoutMillis) {
    ObjectCache cache = objects;
    if (cache == null) {
      return Optional.empty();
    }
    AtomicLong written = committedByResource.get(groupResource);
    try {
      return cache.awaitRevision(written == null ? 0 : written.get(), timeoutMillis)
          ? Optional.of(cache)
          : Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
