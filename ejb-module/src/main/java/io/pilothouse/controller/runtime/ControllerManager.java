package io.pilothouse.controller.runtime;

import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.controller.Controller;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ObjectClient;
import io.pilothouse.registry.Informers;
import io.pilothouse.store.StoreEvent;
import io.pilothouse.watch.WatchCacheFeeder;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * kube-controller-manager: discovers every CDI {@link Controller} bean, gives each a {@link
 * ControllerLoop}, and while this instance holds the controller-manager Lease dispatches each
 * committed change to the controllers watching its resource and periodically enqueues every
 * controller's {@code allKeys}. Changes come from the {@link WatchCacheFeeder} in revision order
 * once its object cache holds them, and {@code keysFor} and {@code allKeys} read that cache (the
 * informers' listers, {@link CachedObjectClient}) on a dispatcher thread; {@code sync} reads and
 * writes through the registry. Losing the Lease stops the workers; winning it starts them with a
 * full resync.
 */
@ApplicationScoped
public class ControllerManager {

  private static final Logger LOG = Logger.getLogger(ControllerManager.class.getName());

  @Inject @Any private Instance<Controller> controllers;
  @Inject private RegistryObjectClient client;
  @Inject private RegistryEventRecorder events;
  @Inject private ControllerSettings settings;
  @Inject private ResourceKinds kinds;
  @Inject private WatchCacheFeeder feeder;
  @Inject private Informers informers;
  @Resource private ManagedThreadFactory threads;

  private static final int CONCURRENT_CALLS = 8;

  private final List<ControllerLoop> loops = new ArrayList<>();
  private final ChangeDispatcher dispatcher =
      new ChangeDispatcher("controller-manager-dispatch", this::dispatch);
  private final WatchCacheFeeder.Listener changes = new FeedListener();
  private ObjectClient listers;
  private volatile boolean leading;

  @PostConstruct
  void discover() {
    listers = new CachedObjectClient(informers::objects, client, kinds);
    ControllerContext context =
        new ControllerContext(client, events, Clock.systemUTC(), concurrentCalls(), listers);
    for (Controller controller : controllers) {
      loops.add(
          new ControllerLoop(
              controller, new WorkQueue<>(Clock.systemUTC(), RateLimiter.DEFAULT.copy()), context));
    }
    LOG.info(() -> "controllers: " + loops.stream().map(loop -> loop.controller().name()).toList());
  }

  /**
   * The threads of the controllers' concurrent calls (slow-start batches of pod creates): a few,
   * since every call is a write and writes queue for one revision lock; idle threads end.
   */
  private ThreadPoolExecutor concurrentCalls() {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            CONCURRENT_CALLS,
            CONCURRENT_CALLS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            threads);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** Called when this instance wins the controller-manager Lease. */
  public synchronized void startLeading() {
    leading = true;
    dispatcher.start(threads);
    feeder.addListener(changes);
    loops.forEach(loop -> loop.start(threads, settings.workers()));
    // off the election timer's thread: listing every controller's keys must not delay renewals
    threads.newThread(this::resync).start();
  }

  /** Called when this instance loses the Lease (or shuts down). */
  @PreDestroy
  public synchronized void stopLeading() {
    leading = false;
    feeder.removeListener(changes);
    dispatcher.stop();
    loops.forEach(ControllerLoop::stop);
  }

  public boolean isLeading() {
    return leading;
  }

  /** Enqueues every key of every controller (the periodic resync). */
  public void resync() {
    if (!leading) {
      return;
    }
    for (ControllerLoop loop : loops) {
      try {
        loop.enqueue(loop.controller().allKeys(listers));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "resync of " + loop.controller().name() + " failed", e);
      }
    }
  }

  /** The running loops, for health and the dashboard. */
  public List<ControllerLoop> loops() {
    return List.copyOf(loops);
  }

  /** Queues the feeder's events for the dispatcher; a refill of its caches means a resync. */
  private final class FeedListener implements WatchCacheFeeder.Listener {

    @Override
    public void onEvents(List<StoreEvent> events) {
      if (leading) {
        for (StoreEvent event : events) {
          dispatcher.offer(StoreChange.of(event));
        }
      }
    }

    @Override
    public void onRefill() {
      threads.newThread(ControllerManager.this::resync).start();
    }
  }

  private void dispatch(StoreChange change) {
    ObjectClient reader = listers;
    for (ControllerLoop loop : loops) {
      Controller controller = loop.controller();
      if (!controller.watchedResources().contains(change.resource())) {
        continue;
      }
      try {
        loop.enqueue(controller.keysFor(change, reader));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, controller.name() + " could not map " + change, e);
      }
    }
  }
}
