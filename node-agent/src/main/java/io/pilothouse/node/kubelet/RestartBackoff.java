package io.pilothouse.node.kubelet;

import java.time.Duration;
import java.time.Instant;

/**
 * CrashLoopBackOff for one container: the first restart is immediate, then the delay starts at 10 s
 * and doubles up to 5 min; a container that ran 10 min before exiting starts over at zero.
 */
public final class RestartBackoff {

  static final Duration INITIAL = Duration.ofSeconds(10);
  static final Duration MAX = Duration.ofMinutes(5);
  static final Duration RESET_AFTER = Duration.ofMinutes(10);

  private Duration current = Duration.ZERO;
  private Instant notBefore = Instant.MIN;

  /** Records an exit after {@code ranFor}; returns when the restart may happen. */
  public Instant exited(Instant finishedAt, Duration ranFor) {
    if (ranFor != null && ranFor.compareTo(RESET_AFTER) >= 0) {
      current = Duration.ZERO;
    }
    notBefore = finishedAt.plus(current);
    return notBefore;
  }

  /** Called when the container is restarted: the next restart waits longer. */
  public void restarted() {
    current = current.isZero() ? INITIAL : min(current.multipliedBy(2), MAX);
  }

  public boolean inBackoff(Instant now) {
    return now.isBefore(notBefore);
  }

  public Instant notBefore() {
    return notBefore;
  }

  /** The delay the current back-off uses, as shown in the CrashLoopBackOff message. */
  public Duration delay() {
    return current;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
