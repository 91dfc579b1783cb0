package io.pilothouse.watch;

import io.pilothouse.store.StoreEvent;
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
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps this instance's {@link WatchCache} level with the store's event log: one poller thread
 * reads the events after the cache's last revision whenever {@link FeedSignal} says a write
 * committed here or the change topic announced one made anywhere, and at least every half second.
 * Writes commit in revision order, so the cache receives a gap-free run.
 */
@Singleton
@Startup
@jakarta.ejb.DependsOn("StoreInitializer")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WatchCacheFeeder {

  private static final Logger LOG = Logger.getLogger(WatchCacheFeeder.class.getName());
  private static final int BATCH = 1000;
  private static final long IDLE_POLL_MILLIS = 500;

  @Resource private ManagedThreadFactory threads;
  @Inject private EventLogReader log;
  @Inject private FeedSignal signal;

  @Inject
  @ConfigProperty(name = "pilothouse.watch.cache.capacity", defaultValue = "20000")
  private int capacity;

  private volatile boolean running = true;
  private volatile WatchCache cache;
  private Thread poller;

  @PostConstruct
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
  void start() {
    cache = new WatchCache(capacity, log.currentRevision());
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

  /** Reads up to what is committed now, so that a caller sees its own acknowledged writes. */
  public void catchUp() {
    feed();
  }

  private void pollLoop() {
    while (running) {
      try {
        signal.await(IDLE_POLL_MILLIS);
        feed();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "watch cache feed failed; retrying", e);
      }
    }
  }

  private synchronized void feed() {
    List<StoreEvent> events;
    do {
      try {
        events = log.eventsAfter(cache.lastRevision(), BATCH);
      } catch (WatchExpiredException e) {
        LOG.warning("watch cache fell behind compaction; restarting it at the current revision");
        WatchCache stale = cache;
        cache = new WatchCache(capacity, log.currentRevision());
        // its watchers would wait forever for events it will never get: end them, they re-watch
        stale.cancelAll();
        return;
      }
      cache.append(events);
    } while (events.size() == BATCH);
  }
}
