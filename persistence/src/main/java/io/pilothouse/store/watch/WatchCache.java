package io.pilothouse.store.watch;

import io.pilothouse.store.StoreEvent;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The in-memory tail of the event log that serves watches without a database round trip, as the
 * kube-apiserver's watch cache does. One feeder appends the events it read with {@code
 * ObjectStore.eventsAfter(lastRevision(), n)} after each commit; since writes commit in revision
 * order, the cache holds a gap-free run of events, and it delivers each to the matching
 * subscriptions synchronously, in order, exactly once.
 *
 * <p>The cache covers a revision R when it holds every event after R. A watch from an older
 * revision is refused (empty result) and must read the database first. Thread-safe; owns no
 * threads. Listeners run under the cache's lock and must only hand the event on (e.g. queue it).
 */
public final class WatchCache {

  private static final Logger LOG = System.getLogger(WatchCache.class.getName());

  private final StoreEvent[] ring;
  private int head;
  private int size;
  private long coveredAfter;
  private long lastRevision;
  private final List<Watcher> watchers = new CopyOnWriteArrayList<>();

  /**
   * @param capacity how many recent events to keep
   * @param startRevision the revision the cache starts at: it covers every event after it
   */
  public WatchCache(int capacity, long startRevision) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.ring = new StoreEvent[capacity];
    this.coveredAfter = startRevision;
    this.lastRevision = startRevision;
  }

  /**
   * Adds events in revision order and delivers them to subscribers; events at or below {@link
   * #lastRevision()} are duplicates and ignored.
   */
  public synchronized void append(List<StoreEvent> events) {
    for (StoreEvent event : events) {
      if (event.revision() <= lastRevision) {
        continue;
      }
      if (size == ring.length) {
        coveredAfter = ring[head].revision();
        ring[head] = null;
        head = (head + 1) % ring.length;
        size--;
      }
      ring[(head + size) % ring.length] = event;
      size++;
      lastRevision = event.revision();
      for (Watcher w : watchers) {
        w.deliver(event);
      }
    }
  }

  /** The revision of the newest event appended (or the start revision). */
  public synchronized long lastRevision() {
    return lastRevision;
  }

  /** The oldest revision a watch may start from: the cache holds every event after it. */
  public synchronized long coveredAfter() {
    return coveredAfter;
  }

  /** The cached events after {@code revision}, or empty when the cache no longer covers it. */
  public synchronized Optional<List<StoreEvent>> eventsAfter(long revision) {
    if (revision < coveredAfter) {
      return Optional.empty();
    }
    List<StoreEvent> result = new ArrayList<>();
    for (int i = firstAfter(revision); i < size; i++) {
      result.add(at(i));
    }
    return Optional.of(result);
  }

  /**
   * Replays the cached events after {@code fromRevision} that pass the filter to the listener, then
   * delivers every later one as it is appended.
   *
   * @return the subscription, or empty when the cache no longer covers {@code fromRevision}
   */
  public synchronized Optional<Subscription> subscribe(
      long fromRevision, WatchFilter filter, Consumer<StoreEvent> listener) {
    if (fromRevision < coveredAfter) {
      return Optional.empty();
    }
    Watcher watcher = new Watcher(fromRevision, filter, listener);
    for (int i = firstAfter(fromRevision); i < size && watcher.active; i++) {
      watcher.deliver(at(i));
    }
    if (watcher.active) {
      watchers.add(watcher);
    }
    return Optional.of(watcher);
  }

  /**
   * Cancels every subscription, for a cache being replaced: its watchers must end (and watch again)
   * rather than wait for events it will never receive.
   */
  public void cancelAll() {
    for (Watcher w : watchers) {
      w.cancel();
    }
  }

  /** How many subscriptions are active; for metrics and tests. */
  public int subscriberCount() {
    return watchers.size();
  }

  private StoreEvent at(int i) {
    return ring[(head + i) % ring.length];
  }

  /** Index of the first cached event above {@code revision} (binary search; revisions ascend). */
  private int firstAfter(long revision) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (at(mid).revision() <= revision) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** One subscription: its filter, its listener and the revision it has seen up to. */
  private final class Watcher implements Subscription {
    private final WatchFilter filter;
    private final Consumer<StoreEvent> listener;
    private volatile long seen;
    private volatile boolean active = true;

    Watcher(long fromRevision, WatchFilter filter, Consumer<StoreEvent> listener) {
      this.seen = fromRevision;
      this.filter = filter;
      this.listener = listener;
    }

    void deliver(StoreEvent event) {
      if (!active || event.revision() <= seen) {
        return;
      }
      Optional<StoreEvent> visible = filter.apply(event);
      try {
        visible.ifPresent(listener);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "watch listener failed; cancelling its subscription", e);
        cancel();
        return;
      }
      // only after the listener has the event: a bookmark at this revision never overtakes it
      seen = event.revision();
    }

    @Override
    public long revision() {
      return seen;
    }

    @Override
    public void cancel() {
      active = false;
      watchers.remove(this);
    }

    @Override
    public boolean isActive() {
      return active;
    }
  }
}
