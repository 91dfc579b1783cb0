package io.pilothouse.scheduler.runtime;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.controller.ObjectClient;
import io.pilothouse.controller.runtime.CachedObjectClient;
import io.pilothouse.controller.runtime.ChangeDispatcher;
import io.pilothouse.controller.runtime.RegistryEventRecorder;
import io.pilothouse.controller.runtime.RegistryObjectClient;
import io.pilothouse.controller.runtime.ResourceKinds;
import io.pilothouse.registry.Informers;
import io.pilothouse.scheduler.Scheduler;
import io.pilothouse.store.StoreEvent;
import io.pilothouse.watch.WatchCacheFeeder;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * kube-scheduler inside the control plane: while this instance holds the {@code kube-scheduler}
 * Lease it feeds the plain-Java {@link Scheduler} with the current state of every changed pod, node
 * and namespace (level-triggered), and runs its scheduling loop ({@link SchedulingLoop}). Changes
 * come from the {@link WatchCacheFeeder} in revision order once its object cache holds them, and
 * the current state is read from that cache (upstream's informers), not from the database. Winning
 * the Lease starts with a full listing; the periodic resync and a refill of the cache replay one.
 */
@ApplicationScoped
public class SchedulerService {

  private static final Logger LOG = Logger.getLogger(SchedulerService.class.getName());
  private static final Set<String> FED = Set.of("pods", "nodes", "namespaces");

  @Inject private RegistryObjectClient client;
  @Inject private RegistryEventRecorder events;
  @Inject private ResourceKinds kinds;
  @Inject private Informers informers;
  @Inject private WatchCacheFeeder feeder;
  @Resource private ManagedThreadFactory threads;

  private Scheduler scheduler;
  private SchedulingLoop loop;
  private final ChangeDispatcher feed = new ChangeDispatcher("scheduler-feed", this::feed);
  private final WatchCacheFeeder.Listener changes = new FeedListener();
  private ObjectClient listers;
  private volatile boolean leading;
  private volatile Instant lastResync = Instant.MIN;
  private Duration resyncPeriod = Duration.ofSeconds(300);

  @Inject
  void configure(
      @ConfigProperty(name = "pilothouse.scheduler.resync.seconds", defaultValue = "300")
          long seconds) {
    this.resyncPeriod = Duration.ofSeconds(seconds);
  }

  @PostConstruct
  void build() {
    listers = new CachedObjectClient(informers::objects, client, kinds);
    RegistrySchedulerSpi spi = new RegistrySchedulerSpi(client, events);
    scheduler = Scheduler.builder().binder(spi).events(spi).conditions(spi).build();
    loop = new SchedulingLoop(scheduler);
  }

  /** Queues the feeder's pod, node and namespace events; a refill of its caches means a relist. */
  private final class FeedListener implements WatchCacheFeeder.Listener {

    @Override
    public void onEvents(List<StoreEvent> events) {
      if (!leading) {
        return;
      }
      for (StoreEvent event : events) {
        if (event.key().group().isEmpty() && FED.contains(event.key().resource())) {
          feed.offer(StoreChange.of(event));
        }
      }
    }

    @Override
    public void onRefill() {
      threads.newThread(SchedulerService.this::relist).start();
    }
  }

  /** Called when this instance wins the kube-scheduler Lease. */
  public synchronized void startLeading() {
    leading = true;
    feed.start(threads);
    feeder.addListener(changes);
    lastResync = Instant.now();
    // off the election timer's thread: a relist of many pods must not delay Lease renewals
    threads.newThread(this::relist).start();
    loop.start(threads);
  }

  @PreDestroy
  public synchronized void stopLeading() {
    leading = false;
    feeder.removeListener(changes);
    loop.stop();
    feed.stop();
  }

  public boolean isLeading() {
    return leading;
  }

  /**
   * Replays the full listing of nodes, pods and namespaces into the scheduler, at most once per
   * {@code pilothouse.scheduler.resync.seconds} (default 300), from the object cache (it still
   * costs a decode of every pod).
   */
  public void resync() {
    Instant now = Instant.now();
    if (!leading || now.isBefore(lastResync.plus(resyncPeriod))) {
      return;
    }
    lastResync = now;
    relist();
  }

  private void relist() {
    try {
      listers.list(Namespace.class, null, null, null).forEach(scheduler::namespaceChanged);
      scheduler.resync(
          listers.list(Node.class, null, null, null), listers.list(Pod.class, null, null, null));
      loop.wake();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "scheduler resync failed", e);
    }
  }

  /** The scheduler, for health checks and the benchmark. */
  public Scheduler scheduler() {
    return scheduler;
  }

  private void feed(StoreChange change) {
    String ns = change.namespace();
    String name = change.name();
    switch (change.resource()) {
      case "pods" ->
          listers
              .get(Pod.class, ns, name)
              .ifPresentOrElse(scheduler::podChanged, () -> scheduler.podDeleted(ns, name));
      case "nodes" ->
          listers
              .get(Node.class, null, name)
              .ifPresentOrElse(scheduler::nodeChanged, () -> scheduler.nodeDeleted(name));
      case "namespaces" ->
          listers
              .get(Namespace.class, null, name)
              .ifPresentOrElse(scheduler::namespaceChanged, () -> scheduler.namespaceDeleted(name));
      default -> {
        return;
      }
    }
    loop.wake();
  }
}
