package io.pilothouse.scheduler;

import io.pilothouse.scheduler.framework.CycleState;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.queue.QueuedPodInfo;

/**
 * A decision of the scheduling cycle waiting for its binding cycle: the pod is assumed on the node
 * in the cache (so later cycles already count it) and still in flight in the queue. Hand it to
 * {@link Scheduler#bindingCycle} exactly once, on any thread.
 */
public final class PendingBinding {

  private final QueuedPodInfo queued;
  private final CycleState state;
  private final PodInfo assumed;

  PendingBinding(QueuedPodInfo queued, CycleState state, PodInfo assumed) {
    this.queued = queued;
    this.state = state;
    this.assumed = assumed;
  }

  QueuedPodInfo queued() {
    return queued;
  }

  CycleState state() {
    return state;
  }

  /** The pod, with the chosen node as its node name. */
  public PodInfo assumed() {
    return assumed;
  }

  public String nodeName() {
    return assumed.nodeName();
  }

  @Override
  public String toString() {
    return "PendingBinding{" + assumed + "}";
  }
}
