package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.Probe;
import java.time.Duration;
import java.time.Instant;

/**
 * The timing and thresholds of one probe of one container instance: due {@code initialDelaySeconds}
 * after the container started and every {@code periodSeconds} after that; its result flips to
 * success after {@code successThreshold} consecutive successes and to failure after {@code
 * failureThreshold} consecutive failures.
 */
public final class ProbeTracker {

  /** Which probe this is; liveness starts out passing, readiness and startup failing. */
  public enum Kind {
    LIVENESS,
    READINESS,
    STARTUP
  }

  private final Kind kind;
  private final Probe probe;
  private final Instant containerStartedAt;
  private Instant lastRun;
  private int successes;
  private int failures;
  private boolean result;
  private String lastMessage = "";

  public ProbeTracker(Kind kind, Probe probe, Instant containerStartedAt) {
    this.kind = kind;
    this.probe = probe;
    this.containerStartedAt = containerStartedAt;
    this.result = kind == Kind.LIVENESS;
  }

  public Kind kind() {
    return kind;
  }

  public Probe probe() {
    return probe;
  }

  public Instant nextDue() {
    if (lastRun == null) {
      return containerStartedAt.plusSeconds(orDefault(probe.getInitialDelaySeconds(), 0));
    }
    return lastRun.plusSeconds(Math.max(1, orDefault(probe.getPeriodSeconds(), 10)));
  }

  public boolean due(Instant now) {
    return !now.isBefore(nextDue());
  }

  public Duration timeout() {
    return Duration.ofSeconds(Math.max(1, orDefault(probe.getTimeoutSeconds(), 1)));
  }

  /** Records a run; returns true when the result changed. */
  public boolean record(ProbeResult outcome, Instant now) {
    lastRun = now;
    boolean before = result;
    if (outcome.success()) {
      failures = 0;
      successes++;
      int threshold =
          kind == Kind.READINESS ? Math.max(1, orDefault(probe.getSuccessThreshold(), 1)) : 1;
      if (successes >= threshold) {
        result = true;
      }
    } else {
      successes = 0;
      failures++;
      lastMessage = outcome.message();
      if (failures >= Math.max(1, orDefault(probe.getFailureThreshold(), 3))) {
        result = false;
      }
    }
    return before != result;
  }

  /** Success, or failure once the failure threshold was reached. */
  public boolean result() {
    return result;
  }

  /** Whether the probe has failed {@code failureThreshold} times in a row. */
  public boolean failedThreshold() {
    return failures >= Math.max(1, orDefault(probe.getFailureThreshold(), 3));
  }

  public String lastMessage() {
    return lastMessage;
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
