package io.pilothouse.scheduler;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.pilothouse.scheduler.cache.SchedulerCache;
import io.pilothouse.scheduler.cache.Snapshot;
import io.pilothouse.scheduler.framework.ClusterEvent;
import io.pilothouse.scheduler.framework.CycleState;
import io.pilothouse.scheduler.framework.FitError;
import io.pilothouse.scheduler.framework.Framework;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.Pods;
import io.pilothouse.scheduler.framework.ScheduleResult;
import io.pilothouse.scheduler.framework.Status;
import io.pilothouse.scheduler.plugins.defaultbinder.DefaultBinder;
import io.pilothouse.scheduler.queue.QueuedPodInfo;
import io.pilothouse.scheduler.queue.SchedulingQueue;
import io.pilothouse.scheduler.spi.PodConditionUpdater;
import io.pilothouse.scheduler.spi.SchedulerEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * kube-scheduler's loop as plain Java, for the control plane to drive: feed it the current state of
 * changed pods, nodes and namespaces (the change feed's consumer), and call {@link #scheduleOne()}
 * while it returns work (a timer at {@link #nextWakeUp()} retries backed off pods). One call pops a
 * pod, runs the framework over a fresh snapshot, assumes the pod in the cache, binds it through the
 * {@link io.pilothouse.scheduler.spi.Binder} and records the {@code Scheduled} event; an
 * unschedulable pod gets {@code PodScheduled=False} and a {@code FailedScheduling} event and waits
 * in the queue. Never throws for a pod: bad data is logged and the pod retried with backoff. Built
 * by {@link SchedulerBuilder}.
 */
public final class Scheduler {

  private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());
  private static final Duration HOUSEKEEPING_PERIOD = Duration.ofSeconds(1);

  /** Pseudo plugin of "there are no nodes": such pods wait for a node to be added. */
  static final String NO_NODES = "NoNodesAvailable";

  private final Framework framework;
  private final SchedulerCache cache;
  private final SchedulingQueue queue;
  private final EventHandlers handlers;
  private final OutcomeRecorder outcomes;
  private final InstantSource clock;
  private final Snapshot snapshot = new Snapshot();
  private final Object cycleLock = new Object();
  private Instant lastHousekeeping = Instant.MIN;

  Scheduler(
      Framework framework,
      SchedulerCache cache,
      SchedulingQueue queue,
      SchedulerEvents events,
      PodConditionUpdater conditions,
      InstantSource clock) {
    this.framework = framework;
    this.cache = cache;
    this.queue = queue;
    this.outcomes = new OutcomeRecorder(events, conditions, clock);
    this.clock = clock;
    this.handlers = new EventHandlers(cache, queue, framework.profile().schedulerNames());
  }

  public static SchedulerBuilder builder() {
    return new SchedulerBuilder();
  }

  /** A pod was created or changed: its current state. */
  public void podChanged(Pod pod) {
    guard(() -> "pod " + Pods.key(pod), () -> handlers.podChanged(pod));
  }

  /** A pod was deleted. */
  public void podDeleted(String namespace, String name) {
    guard(
        () -> "pod deletion " + namespace + "/" + name,
        () -> handlers.podDeleted(namespace + "/" + name));
  }

  /** A node was created or changed: its current state. */
  public void nodeChanged(Node node) {
    guard(() -> "node " + node.getMetadata().getName(), () -> handlers.nodeChanged(node));
  }

  public void nodeDeleted(String nodeName) {
    guard(() -> "node deletion " + nodeName, () -> handlers.nodeDeleted(nodeName));
  }

  /** A namespace was created or relabelled (for namespaceSelector in pod affinity). */
  public void namespaceChanged(Namespace namespace) {
    guard(
        () -> "namespace " + namespace.getMetadata().getName(),
        () ->
            handlers.namespaceChanged(
                namespace.getMetadata().getName(), namespace.getMetadata().getLabels()));
  }

  public void namespaceDeleted(String name) {
    guard(() -> "namespace deletion " + name, () -> cache.removeNamespace(name));
  }

  /**
   * The periodic resync: the current listing of all nodes and pods. Objects missing from it are
   * forgotten, so a lost deletion only delays. Assumed pods are kept (their binding is in flight).
   */
  public void resync(Collection<Node> nodes, Collection<Pod> pods) {
    guard(() -> "resync", () -> handlers.resync(nodes, pods));
  }

  /** Runs an event handler; bad data is logged and skipped, never thrown at the change feed. */
  private static void guard(Supplier<String> what, Runnable handler) {
    try {
      handler.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "ignoring bad " + describe(what));
    }
  }

  private static String describe(Supplier<String> what) {
    try {
      return what.get();
    } catch (RuntimeException e) {
      return "object without metadata";
    }
  }

  /**
   * Schedules and binds the next pod, synchronously. Returns the binding written, or empty if the
   * queue had no ready pod or the pod could not be placed or bound (then it is requeued).
   */
  public Optional<Binding> scheduleOne() {
    return schedulingCycle().flatMap(this::bindingCycle);
  }

  /** Schedules ready pods until none is left or {@code max} were tried; returns bindings made. */
  public int scheduleAll(int max) {
    int bound = 0;
    for (int i = 0; i < max; i++) {
      Optional<PendingBinding> pending = schedulingCycle();
      if (pending.isEmpty()) {
        if (!queue.hasActivePods()) {
          break;
        }
        continue;
      }
      bound += bindingCycle(pending.get()).isPresent() ? 1 : 0;
    }
    return bound;
  }

  /**
   * The scheduling half: pops a pod, picks a node and assumes the pod there. Returns the decision
   * to bind, or empty (no pod ready, or it failed and was requeued). One cycle runs at a time; the
   * binding cycle may run concurrently on another thread.
   */
  public Optional<PendingBinding> schedulingCycle() {
    synchronized (cycleLock) {
      housekeepingIfDue();
      Optional<QueuedPodInfo> next = queue.pop();
      if (next.isEmpty()) {
        return Optional.empty();
      }
      QueuedPodInfo queued = next.get();
      try {
        return schedule(queued);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "scheduling " + queued.key() + " failed", e);
        recordFailure(
            queued, PodScheduledCondition.REASON_SCHEDULER_ERROR, String.valueOf(e), Set.of());
        return Optional.empty();
      }
    }
  }

  private Optional<PendingBinding> schedule(QueuedPodInfo queued) {
    PodInfo pod = queued.podInfo();
    if (cache.isAssumedPod(pod.key()) || Pods.isTerminating(pod.pod())) {
      queue.done(queued);
      return Optional.empty();
    }
    cache.updateSnapshot(snapshot);
    CycleState state = new CycleState();
    ScheduleResult result = framework.schedule(state, pod, snapshot);
    if (!result.isSuccess()) {
      handleFailure(queued, result);
      return Optional.empty();
    }
    PodInfo assumed = pod.withNodeName(result.suggestedHost());
    cache.assumePod(assumed);
    Status reserved = framework.runReservePlugins(state, assumed, assumed.nodeName());
    if (!reserved.isSuccess()) {
      cache.forgetPod(assumed);
      recordFailure(
          queued, PodScheduledCondition.REASON_SCHEDULER_ERROR, reserved.message(), Set.of());
      return Optional.empty();
    }
    return Optional.of(new PendingBinding(queued, state, assumed));
  }

  /** The binding half: binds the assumed pod, or forgets it and requeues the pod. */
  public Optional<Binding> bindingCycle(PendingBinding pending) {
    PodInfo assumed = pending.assumed();
    String node = assumed.nodeName();
    Status bound = framework.runBindPlugins(pending.state(), assumed, node);
    if (!bound.isSuccess()) {
      cache.forgetPod(assumed);
      framework.runUnreservePlugins(pending.state(), assumed, node);
      recordFailure(
          pending.queued(),
          PodScheduledCondition.REASON_SCHEDULER_ERROR,
          bound.message(),
          Set.of());
      queue.onClusterEvent(ClusterEvent.ASSIGNED_POD_DELETE);
      return Optional.empty();
    }
    cache.finishBinding(assumed);
    queue.done(pending.queued());
    outcomes.scheduled(assumed, node);
    return Optional.of(DefaultBinder.binding(assumed, node));
  }

  private void handleFailure(QueuedPodInfo queued, ScheduleResult result) {
    FitError fitError = result.fitError();
    if (fitError == null) {
      recordFailure(
          queued, PodScheduledCondition.REASON_SCHEDULER_ERROR, result.error().message(), Set.of());
      return;
    }
    Set<String> rejectors =
        fitError.numAllNodes() == 0 ? Set.of(NO_NODES) : fitError.unschedulablePlugins();
    recordFailure(
        queued, PodScheduledCondition.REASON_UNSCHEDULABLE, fitError.message(), rejectors);
  }

  private void recordFailure(
      QueuedPodInfo queued, String reason, String message, Set<String> rejectors) {
    queue.requeue(queued, rejectors);
    outcomes.failed(queued.podInfo().pod(), reason, message);
  }

  private void housekeepingIfDue() {
    Instant now = clock.instant();
    if (!now.isBefore(lastHousekeeping.plus(HOUSEKEEPING_PERIOD))) {
      lastHousekeeping = now;
      housekeeping();
    }
  }

  /**
   * Expires assumed pods never confirmed, and moves pods whose backoff is over or which stayed
   * unschedulable too long. Called by every cycle at most once a second; a timer may call it too.
   */
  public void housekeeping() {
    if (cache.cleanupExpiredAssumedPods() > 0) {
      queue.onClusterEvent(ClusterEvent.ASSIGNED_POD_DELETE);
    }
    queue.flushBackoffQCompleted();
    queue.flushUnschedulablePodsLeftover();
  }

  /** Whether a pod is ready to be scheduled now (worth calling {@link #scheduleOne()}). */
  public boolean hasReadyPods() {
    return queue.hasActivePods();
  }

  /** When to call {@link #scheduleOne()} again if no change arrives, or empty if never. */
  public Optional<Instant> nextWakeUp() {
    return queue.nextWakeUp();
  }

  public SchedulerCache cache() {
    return cache;
  }

  public SchedulingQueue queue() {
    return queue;
  }

  public Framework framework() {
    return framework;
  }
}
