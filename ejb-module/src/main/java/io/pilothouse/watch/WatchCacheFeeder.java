package io.pilothouse.watch;

import io.pilothouse.changefeed.DurableCommits;
import io.pilothouse.registry.Informers;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.ResourceTypes;
import io.pilothouse.registry.StoreSettings;
import io.pilothouse.store.StoreEvent;
import io.pilothouse.store.watch.CachedObject;
import io.pilothouse.store.watch.CommittedEvents;
import io.pilothouse.store.watch.ObjectCache;
import io.pilothouse.store.watch.WatchCache;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Keeps this instance's {@link WatchCache} and {@link ObjectCache} level with the store's event
 * log: one poller thread takes the events after the caches' last revision whenever {@link
 * FeedSignal} says a write committed here or the change topic announced one made anywhere, and at
 * least every half second — from memory for this process's own committed writes, from the log
 * wherever those leave a gap ({@link FeedSource}). Writes commit in revision order, so the caches
 * receive a gap-free run either way. The object cache (every resource but Events) is the informers'
 * store the controllers read; the {@link Listener}s (controller manager, scheduler) hear each run
 * of events only after both caches hold it, so a handler of a change at revision R reads a cache at
 * R or later. When the log was compacted past the caches, both restart from a fresh listing and
 * listeners are told to resync.
 */
@Singleton
@Startup
@jakarta.ejb.DependsOn("StoreInitializer")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WatchCacheFeeder {

  private static final Logger LOG = Logger.getLogger(WatchCacheFeeder.class.getName());
  private static final int BATCH = 1000;
  private static final long IDLE_POLL_MILLIS = 500;
  private static final long LOG_READ_MILLIS = 500;

  @Resource private ManagedThreadFactory threads;
  @Inject private EventLogReader log;
  @Inject private FeedSignal signal;
  @Inject private StoreSettings settings;
  @Inject private MetricRegistry metrics;
  @Inject private DurableCommits durableCommits;

  @Inject
  @ConfigProperty(name = "pilothouse.watch.cache.capacity", defaultValue = "20000")
  private int capacity;

  /** Resources the object cache leaves out: written often, read by no controller. */
  private static final Set<String> UNCACHED = Set.of("events", "events.events.k8s.io");

  /** Hears the events the caches applied, in revision order, on the feeder's thread. */
  public interface Listener {

    /** Must only hand the events on (queue them): the feeder waits for it. */
    void onEvents(List<StoreEvent> events);

    /** The caches restarted from a listing after a gap: whatever was missed must be resynced. */
    void onRefill();
  }

  @Inject private ResourceTypes types;
  @Inject private Informers informers;

  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean running = true;
  private volatile WatchCache cache;
  private FeedSource source;
  private Thread poller;

  @PostConstruct
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
  void start() {
    long start = log.currentRevision();
    informers.objects(listObjects(start));
    cache = new WatchCache(capacity, start);
    CommittedEvents committed = settings.committedEvents();
    committed.onAdd(signal::wakeUp);
    source =
        new FeedSource(
            committed,
            log::eventsAfter,
            signal::announcedAfter,
            BATCH,
            LOG_READ_MILLIS * 1_000_000,
            System::nanoTime,
            new FeedCounters(metrics),
            durableCommits::durableRevision,
            durableCommits::request);
    durableCommits.onFlushed(signal::wakeUp);
    poller = threads.newThread(this::pollLoop);
    poller.setName("pilothouse-watch-cache-feeder");
    poller.start();
  }

  @PreDestroy
  void stop() {
    running = false;
    signal.wakeUp();
  }

  /** The cache; its revision is never behind a write this instance acknowledged plus a poll. */
  public WatchCache cache() {
    return cache;
  }

  /** Adds a listener for every run of events from now on. */
  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  public void removeListener(Listener listener) {
    listeners.remove(listener);
  }

  /** Reads up to what is committed now, so that a caller sees its own acknowledged writes. */
  public void catchUp() {
    feed(true);
  }

  private void pollLoop() {
    while (running) {
      try {
        signal.await(IDLE_POLL_MILLIS);
        feed(false);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "watch cache feed failed; retrying", e);
      }
    }
  }

  /** Applies every event after the caches' revision that is at hand ({@link FeedSource}). */
  private synchronized void feed(boolean readLog) {
    FeedSource.Pass pass = source.pass(readLog);
    try {
      List<StoreEvent> events;
      while (!(events = pass.next(cache.lastRevision())).isEmpty()) {
        apply(events);
      }
    } catch (WatchExpiredException e) {
      LOG.warning("watch cache fell behind compaction; restarting it at the current revision");
      WatchCache stale = cache;
      long start = log.currentRevision();
      informers.objects(listObjects(start));
      cache = new WatchCache(capacity, start);
      // its watchers would wait forever for events it will never get: end them, they re-watch
      stale.cancelAll();
      listeners.forEach(Listener::onRefill);
    }
  }

  private void apply(List<StoreEvent> events) {
    informers.objects().apply(events);
    cache.append(events);
    for (Listener listener : listeners) {
      try {
        listener.onEvents(events);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "watch cache listener failed", e);
      }
    }
  }

  /** A listing of every cached resource read after {@code start}, as a cache at {@code start}. */
  private ObjectCache listObjects(long start) {
    Map<String, ResourceType> cached = new LinkedHashMap<>();
    for (ResourceType type : types.all()) {
      if (!UNCACHED.contains(type.groupResource())) {
        cached.putIfAbsent(type.groupResource(), type);
      }
    }
    List<CachedObject> listing = new ArrayList<>();
    for (ResourceType type : cached.values()) {
      listing.addAll(log.snapshot(type));
    }
    return new ObjectCache(cached.keySet(), start, listing);
  }
}
