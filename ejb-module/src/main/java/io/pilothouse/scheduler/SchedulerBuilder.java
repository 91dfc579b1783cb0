package io.pilothouse.scheduler;

import io.pilothouse.scheduler.cache.SchedulerCache;
import io.pilothouse.scheduler.framework.ClusterEvent;
import io.pilothouse.scheduler.framework.Framework;
import io.pilothouse.scheduler.framework.Profile;
import io.pilothouse.scheduler.framework.Registry;
import io.pilothouse.scheduler.plugins.DefaultPlugins;
import io.pilothouse.scheduler.queue.Backoff;
import io.pilothouse.scheduler.queue.SchedulingQueue;
import io.pilothouse.scheduler.spi.Binder;
import io.pilothouse.scheduler.spi.PodConditionUpdater;
import io.pilothouse.scheduler.spi.SchedulerEvents;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Assembles a {@link Scheduler}: the default registry and profile unless given, the system clock
 * unless a fake one is injected, backoff 1 s → 10 s, and assumed pods expiring 30 s after their
 * binding if it is never observed. Only the {@link Binder} is required.
 */
public final class SchedulerBuilder {

  /** How long an assumed pod may wait for its binding to be observed (upstream's old default). */
  public static final Duration DEFAULT_ASSUMED_POD_TTL = Duration.ofSeconds(30);

  private InstantSource clock = InstantSource.system();
  private Binder binder;
  private SchedulerEvents events = NoOpEvents.INSTANCE;
  private PodConditionUpdater conditions = (pod, condition) -> {};
  private Registry registry = DefaultPlugins.registry();
  private Profile profile = DefaultPlugins.profile();
  private Backoff backoff = Backoff.DEFAULT;
  private Duration assumedPodTtl = DEFAULT_ASSUMED_POD_TTL;
  private Duration maxInUnschedulable = SchedulingQueue.DEFAULT_MAX_IN_UNSCHEDULABLE;
  private Random random = new Random();

  SchedulerBuilder() {}

  public SchedulerBuilder clock(InstantSource clock) {
    this.clock = clock;
    return this;
  }

  public SchedulerBuilder binder(Binder binder) {
    this.binder = binder;
    return this;
  }

  public SchedulerBuilder events(SchedulerEvents events) {
    this.events = events;
    return this;
  }

  public SchedulerBuilder conditions(PodConditionUpdater conditions) {
    this.conditions = conditions;
    return this;
  }

  public SchedulerBuilder registry(Registry registry) {
    this.registry = registry;
    return this;
  }

  public SchedulerBuilder profile(Profile profile) {
    this.profile = profile;
    return this;
  }

  public SchedulerBuilder backoff(Backoff backoff) {
    this.backoff = backoff;
    return this;
  }

  public SchedulerBuilder assumedPodTtl(Duration ttl) {
    this.assumedPodTtl = ttl;
    return this;
  }

  public SchedulerBuilder maxInUnschedulable(Duration duration) {
    this.maxInUnschedulable = duration;
    return this;
  }

  /** The random source breaking ties between equally scored nodes (seed it in tests). */
  public SchedulerBuilder random(Random random) {
    this.random = random;
    return this;
  }

  public Scheduler build() {
    Objects.requireNonNull(binder, "binder");
    Framework framework = new Framework(registry, profile, clock, binder, random);
    Map<String, Set<ClusterEvent>> pluginEvents = new HashMap<>(framework.eventsToRegister());
    pluginEvents.put(Scheduler.NO_NODES, Set.of(ClusterEvent.NODE_ADD));
    SchedulingQueue queue = new SchedulingQueue(clock, backoff, maxInUnschedulable, pluginEvents);
    SchedulerCache cache = new SchedulerCache(clock, assumedPodTtl);
    return new Scheduler(framework, cache, queue, events, conditions, clock);
  }

  private enum NoOpEvents implements SchedulerEvents {
    INSTANCE;

    @Override
    public void scheduled(
        io.fabric8.kubernetes.api.model.Pod pod, String nodeName, String message) {}

    @Override
    public void failedScheduling(io.fabric8.kubernetes.api.model.Pod pod, String message) {}
  }
}
