package io.pilothouse.scheduler.queue;

import io.pilothouse.scheduler.framework.PodInfo;
import java.time.Instant;
import java.util.Set;

/**
 * A pending pod in the {@link SchedulingQueue}, with its scheduling history: when it was last
 * queued, how many times it was tried, and which plugins rejected it last (the queue waits for
 * events of those plugins before trying again).
 */
public final class QueuedPodInfo {

  /** Which sub-queue the pod is in. */
  enum Where {
    ACTIVE,
    BACKOFF,
    UNSCHEDULABLE,
    IN_FLIGHT,
    GATED
  }

  private PodInfo podInfo;
  private final long seq;
  Instant timestamp;
  Instant initialAttemptTimestamp;
  Instant backoffExpiry;
  int attempts;
  long cycle;
  boolean updatedInFlight;
  Set<String> unschedulablePlugins = Set.of();
  Where where;

  QueuedPodInfo(PodInfo podInfo, Instant timestamp, long seq) {
    this.podInfo = podInfo;
    this.timestamp = timestamp;
    this.seq = seq;
  }

  /** The latest version of the pod seen by the queue. */
  public PodInfo podInfo() {
    return podInfo;
  }

  void setPodInfo(PodInfo podInfo) {
    this.podInfo = podInfo;
  }

  public String key() {
    return podInfo.key();
  }

  /** How many times the pod was popped for scheduling. */
  public int attempts() {
    return attempts;
  }

  /** The scheduling cycle in which the pod was last popped. */
  public long cycle() {
    return cycle;
  }

  /** When the pod was first popped, or null if never. */
  public Instant initialAttemptTimestamp() {
    return initialAttemptTimestamp;
  }

  /** The plugins that rejected the pod in its last attempt. */
  public Set<String> unschedulablePlugins() {
    return unschedulablePlugins;
  }

  long seq() {
    return seq;
  }

  @Override
  public String toString() {
    return podInfo.key() + "[" + where + ", attempts=" + attempts + "]";
  }
}
