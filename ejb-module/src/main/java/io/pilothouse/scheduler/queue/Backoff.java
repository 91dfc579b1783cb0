package io.pilothouse.scheduler.queue;

import java.time.Duration;

/**
 * Per-pod exponential backoff, as upstream's {@code calculateBackoffDuration}: the initial duration
 * doubled for each attempt after the first, capped at the maximum (1 s, 2 s, 4 s, 8 s, 10 s, 10 s …
 * by default).
 */
public record Backoff(Duration initial, Duration max) {

  public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));

  /** The backoff after the given number of attempts. */
  public Duration duration(int attempts) {
    Duration duration = initial;
    for (int i = 1; i < attempts; i++) {
      duration = duration.multipliedBy(2);
      if (duration.compareTo(max) > 0) {
        return max;
      }
    }
    return duration.compareTo(max) > 0 ? max : duration;
  }
}
