package io.pilothouse.scheduler.runtime;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.pilothouse.changefeed.ChangeAnnounced;
import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.controller.runtime.ChangeDispatcher;
import io.pilothouse.controller.runtime.RegistryEventRecorder;
import io.pilothouse.controller.runtime.RegistryObjectClient;
import io.pilothouse.scheduler.Scheduler;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * kube-scheduler inside the control plane: while this instance holds the {@code kube-scheduler}
 * Lease it feeds the plain-Java {@link Scheduler} with the current state of every changed pod, node
 * and namespace (read back through the registry, level-triggered), and runs its scheduling loop
 * ({@link SchedulingLoop}). Winning the Lease starts with a full listing; the periodic resync
 * replays one, so a lost change message only delays a pod.
 */
@ApplicationScoped
public class SchedulerService {

  private static final Logger LOG = Logger.getLogger(SchedulerService.class.getName());
  private static final Set<String> FED = Set.of("pods", "nodes", "namespaces");

  @Inject private RegistryObjectClient client;
  @Inject private RegistryEventRecorder events;
  @Resource private ManagedThreadFactory threads;

  private Scheduler scheduler;
  private SchedulingLoop loop;
  private final ChangeDispatcher feed = new ChangeDispatcher("scheduler-feed", this::feed);
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
    RegistrySchedulerSpi spi = new RegistrySchedulerSpi(client, events);
    scheduler = Scheduler.builder().binder(spi).events(spi).conditions(spi).build();
    loop = new SchedulingLoop(scheduler);
  }

  void onChange(@Observes ChangeAnnounced announced) {
    if (leading && FED.contains(announced.change().resource())) {
      feed.offer(announced.change());
    }
  }

  /** Called when this instance wins the kube-scheduler Lease. */
  public synchronized void startLeading() {
    leading = true;
    feed.start(threads);
    lastResync = Instant.now();
    // off the election timer's thread: a relist of many pods must not delay Lease renewals
    threads.newThread(this::relist).start();
    loop.start(threads);
  }

  @PreDestroy
  public synchronized void stopLeading() {
    leading = false;
    loop.stop();
    feed.stop();
  }

  public boolean isLeading() {
    return leading;
  }

  /**
   * Replays the full listing of nodes, pods and namespaces into the scheduler, at most once per
   * {@code pilothouse.scheduler.resync.seconds} (default 300): unlike upstream's informers, which
   * resync from memory, this relists from the store, which costs a decode of every pod.
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
      client.list(Namespace.class, null, null, null).forEach(scheduler::namespaceChanged);
      scheduler.resync(
          client.list(Node.class, null, null, null), client.list(Pod.class, null, null, null));
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
          client
              .get(Pod.class, ns, name)
              .ifPresentOrElse(scheduler::podChanged, () -> scheduler.podDeleted(ns, name));
      case "nodes" ->
          client
              .get(Node.class, null, name)
              .ifPresentOrElse(scheduler::nodeChanged, () -> scheduler.nodeDeleted(name));
      case "namespaces" ->
          client
              .get(Namespace.class, null, name)
              .ifPresentOrElse(scheduler::namespaceChanged, () -> scheduler.namespaceDeleted(name));
      default -> {
        return;
      }
    }
    loop.wake();
  }
}
