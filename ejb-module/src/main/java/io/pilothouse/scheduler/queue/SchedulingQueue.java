package io.pilothouse.scheduler.queue;

import io.fabric8.kubernetes.api.model.Pod;
import io.pilothouse.scheduler.framework.ClusterEvent;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.queue.QueuedPodInfo.Where;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The queue of pods waiting to be scheduled, as upstream's {@code PriorityQueue}: activeQ (ready,
 * highest priority first, then first in), backoffQ (failed recently, waiting out a per-pod
 * exponential backoff), unschedulable pods (waiting for a cluster event that one of the plugins
 * that rejected them registered, or for 5 minutes), and pods gated by {@code schedulingGates}. Pods
 * popped and not yet done are "in flight": an event or an update during their cycle sends them to
 * backoffQ rather than to the unschedulable pods, so no wake-up is lost. Nothing here sleeps or
 * reads the wall clock: time comes from the injected {@link InstantSource}. Thread-safe.
 */
public final class SchedulingQueue {

  /** Upstream's {@code DefaultPodMaxInUnschedulablePodsDuration}. */
  public static final Duration DEFAULT_MAX_IN_UNSCHEDULABLE = Duration.ofMinutes(5);

  private final InstantSource clock;
  private final Backoff backoff;
  private final Duration maxInUnschedulable;
  private final Map<String, Set<ClusterEvent>> pluginEvents;
  private final Map<String, QueuedPodInfo> pods = new HashMap<>();
  private final Map<String, QueuedPodInfo> unschedulablePods = new HashMap<>();
  private final PriorityQueue<QueuedPodInfo> activeQ =
      new PriorityQueue<>(
          Comparator.comparingInt((QueuedPodInfo q) -> -q.podInfo().priority())
              .thenComparing(q -> q.timestamp)
              .thenComparingLong(QueuedPodInfo::seq));
  private final PriorityQueue<QueuedPodInfo> backoffQ =
      new PriorityQueue<>(
          Comparator.comparing((QueuedPodInfo q) -> q.backoffExpiry)
              .thenComparingLong(QueuedPodInfo::seq));
  private long seq;
  private long schedulingCycle;
  private long moveRequestCycle = -1;

  /**
   * @param pluginEvents each plugin's registered events ({@code Framework.eventsToRegister()})
   */
  public SchedulingQueue(
      InstantSource clock,
      Backoff backoff,
      Duration maxInUnschedulable,
      Map<String, Set<ClusterEvent>> pluginEvents) {
    this.clock = clock;
    this.backoff = backoff;
    this.maxInUnschedulable = maxInUnschedulable;
    this.pluginEvents = Map.copyOf(pluginEvents);
  }

  /** Adds a pending pod, or updates the queued version of it. */
  public synchronized void addOrUpdate(PodInfo pod) {
    QueuedPodInfo queued = pods.get(pod.key());
    if (queued == null) {
      queued = new QueuedPodInfo(pod, clock.instant(), seq++);
      pods.put(pod.key(), queued);
      moveTo(queued, isGated(pod) ? Where.GATED : Where.ACTIVE);
      return;
    }
    PodInfo old = queued.podInfo();
    queued.setPodInfo(pod);
    boolean changed = schedulingRelevantChange(old.pod(), pod.pod());
    switch (queued.where) {
      case IN_FLIGHT -> queued.updatedInFlight |= changed;
      case ACTIVE -> {
        activeQ.remove(queued);
        activeQ.add(queued);
      }
      case UNSCHEDULABLE -> {
        if (changed) {
          activateOrBackoff(queued);
        }
      }
      case GATED -> {
        if (!isGated(pod)) {
          queued.timestamp = clock.instant();
          moveTo(queued, Where.ACTIVE);
        }
      }
      case BACKOFF -> {}
    }
  }

  /** Removes the pod from the queue (deleted, bound, or no longer ours). */
  public synchronized void delete(String podKey) {
    QueuedPodInfo queued = pods.remove(podKey);
    if (queued != null) {
      leave(queued);
    }
  }

  /** The next pod to schedule, after moving pods whose backoff is over to activeQ. */
  public synchronized Optional<QueuedPodInfo> pop() {
    flushBackoffQCompleted();
    QueuedPodInfo queued = activeQ.poll();
    if (queued == null) {
      return Optional.empty();
    }
    queued.where = Where.IN_FLIGHT;
    queued.attempts++;
    queued.updatedInFlight = false;
    if (queued.initialAttemptTimestamp == null) {
      queued.initialAttemptTimestamp = clock.instant();
    }
    queued.cycle = ++schedulingCycle;
    return Optional.of(queued);
  }

  /** The pod was scheduled (assumed and bound, or being bound): it leaves the queue. */
  public synchronized void done(QueuedPodInfo queued) {
    if (pods.get(queued.key()) == queued && queued.where == Where.IN_FLIGHT) {
      pods.remove(queued.key());
    }
  }

  /**
   * Puts back a pod whose attempt failed. Rejected by plugins: it waits among the unschedulable
   * pods for one of their events. Failed with an error (no plugins), or a move request or update
   * happened during its cycle: it goes to backoffQ. A pod deleted meanwhile is dropped.
   */
  public synchronized void requeue(QueuedPodInfo queued, Set<String> rejectorPlugins) {
    if (pods.get(queued.key()) != queued || queued.where != Where.IN_FLIGHT) {
      return;
    }
    queued.timestamp = clock.instant();
    queued.unschedulablePlugins = Set.copyOf(rejectorPlugins);
    boolean retrySoon =
        rejectorPlugins.isEmpty() || moveRequestCycle >= queued.cycle || queued.updatedInFlight;
    moveTo(queued, retrySoon ? Where.BACKOFF : Where.UNSCHEDULABLE);
  }

  /** A cluster event: unschedulable pods rejected by a plugin interested in it are retried. */
  public synchronized void onClusterEvent(ClusterEvent event) {
    for (QueuedPodInfo queued : new ArrayList<>(unschedulablePods.values())) {
      if (interested(queued, event)) {
        activateOrBackoff(queued);
      }
    }
    moveRequestCycle = schedulingCycle;
  }

  private boolean interested(QueuedPodInfo queued, ClusterEvent event) {
    if (event == ClusterEvent.WILDCARD || queued.unschedulablePlugins.isEmpty()) {
      return true;
    }
    for (String plugin : queued.unschedulablePlugins) {
      Set<ClusterEvent> events = pluginEvents.get(plugin);
      if (events == null || events.contains(event) || events.contains(ClusterEvent.WILDCARD)) {
        return true;
      }
    }
    return false;
  }

  /** Moves pods whose backoff has expired from backoffQ to activeQ. */
  public synchronized void flushBackoffQCompleted() {
    Instant now = clock.instant();
    while (!backoffQ.isEmpty() && !backoffQ.peek().backoffExpiry.isAfter(now)) {
      moveTo(backoffQ.peek(), Where.ACTIVE);
    }
  }

  /** Retries pods that stayed unschedulable longer than the maximum (5 minutes by default). */
  public synchronized void flushUnschedulablePodsLeftover() {
    Instant now = clock.instant();
    for (QueuedPodInfo queued : new ArrayList<>(unschedulablePods.values())) {
      if (!queued.timestamp.plus(maxInUnschedulable).isAfter(now)) {
        activateOrBackoff(queued);
      }
    }
  }

  /** When the queue next has work without any event: the first backoff expiry or leftover. */
  public synchronized Optional<Instant> nextWakeUp() {
    Instant next = backoffQ.isEmpty() ? null : backoffQ.peek().backoffExpiry;
    for (QueuedPodInfo queued : unschedulablePods.values()) {
      Instant leftover = queued.timestamp.plus(maxInUnschedulable);
      next = next == null || leftover.isBefore(next) ? leftover : next;
    }
    return Optional.ofNullable(next);
  }

  private void activateOrBackoff(QueuedPodInfo queued) {
    moveTo(queued, isBackingOff(queued) ? Where.BACKOFF : Where.ACTIVE);
  }

  private boolean isBackingOff(QueuedPodInfo queued) {
    return backoffExpiry(queued).isAfter(clock.instant());
  }

  private Instant backoffExpiry(QueuedPodInfo queued) {
    return queued.timestamp.plus(backoff.duration(queued.attempts));
  }

  private void moveTo(QueuedPodInfo queued, Where where) {
    leave(queued);
    queued.where = where;
    if (where == Where.ACTIVE) {
      activeQ.add(queued);
    } else if (where == Where.BACKOFF) {
      queued.backoffExpiry = backoffExpiry(queued);
      backoffQ.add(queued);
    } else if (where == Where.UNSCHEDULABLE) {
      unschedulablePods.put(queued.key(), queued);
    }
  }

  private void leave(QueuedPodInfo queued) {
    if (queued.where == Where.ACTIVE) {
      activeQ.remove(queued);
    } else if (queued.where == Where.BACKOFF) {
      backoffQ.remove(queued);
    } else if (queued.where == Where.UNSCHEDULABLE) {
      unschedulablePods.remove(queued.key());
    }
  }

  private static boolean isGated(PodInfo pod) {
    var spec = pod.pod().getSpec();
    return spec != null
        && spec.getSchedulingGates() != null
        && !spec.getSchedulingGates().isEmpty();
  }

  /** Spec, labels or annotations changed (status-only writes, e.g. our condition, do not count). */
  static boolean schedulingRelevantChange(Pod old, Pod current) {
    if (old == current) {
      return false;
    }
    return !Objects.equals(old.getSpec(), current.getSpec())
        || !Objects.equals(labels(old), labels(current))
        || !Objects.equals(annotations(old), annotations(current));
  }

  private static Map<String, String> labels(Pod pod) {
    return pod.getMetadata() == null ? null : pod.getMetadata().getLabels();
  }

  private static Map<String, String> annotations(Pod pod) {
    return pod.getMetadata() == null ? null : pod.getMetadata().getAnnotations();
  }

  /** Whether a pod is ready to pop (after flushing completed backoffs). */
  public synchronized boolean hasActivePods() {
    flushBackoffQCompleted();
    return !activeQ.isEmpty();
  }

  /** Keys of every pod in the queue, in flight included. */
  public synchronized Set<String> podKeys() {
    return Set.copyOf(pods.keySet());
  }

  /** Whether the queue holds the pod (in any sub-queue or in flight). */
  public synchronized boolean contains(String podKey) {
    return pods.containsKey(podKey);
  }

  /** Pod counts per sub-queue, for metrics and tests. */
  public synchronized Map<String, Integer> stats() {
    Map<String, Integer> stats = new HashMap<>();
    for (Where where : Where.values()) {
      stats.put(where.name().toLowerCase(java.util.Locale.ROOT), 0);
    }
    pods.values()
        .forEach(
            q -> stats.merge(q.where.name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum));
    return stats;
  }

  /** Keys of the pods currently in the given sub-queue ("active", "backoff", "unschedulable"…). */
  public synchronized List<String> podKeys(String subQueue) {
    List<String> keys = new ArrayList<>();
    pods.values().stream()
        .filter(q -> q.where.name().equalsIgnoreCase(subQueue))
        .forEach(q -> keys.add(q.key()));
    keys.sort(null);
    return keys;
  }
}
