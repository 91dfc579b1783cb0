package io.pilothouse.controller.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Upstream's {@code ItemExponentialFailureRateLimiter}: each retry of a key waits twice as long as
 * the one before, from {@code base} (5 ms) up to {@code max} (1000 s), until the key is forgotten
 * after a successful sync.
 */
public final class RateLimiter {

  /** client-go's controller default: 5 ms doubling up to 1000 s. */
  public static final RateLimiter DEFAULT =
      new RateLimiter(Duration.ofMillis(5), Duration.ofSeconds(1000));

  private final Duration base;
  private final Duration max;
  private final Map<Object, Integer> failures = new HashMap<>();

  public RateLimiter(Duration base, Duration max) {
    this.base = base;
    this.max = max;
  }

  /** A fresh limiter with the same settings (one per queue). */
  public RateLimiter copy() {
    return new RateLimiter(base, max);
  }

  /** The wait before the next retry of {@code item}, counting this retry. */
  public synchronized Duration when(Object item) {
    int exponent = failures.merge(item, 1, Integer::sum) - 1;
    if (exponent >= 40) {
      return max;
    }
    Duration backoff = base.multipliedBy(1L << exponent);
    return backoff.compareTo(max) > 0 ? max : backoff;
  }

  /** How many retries {@code item} has had since it was last forgotten. */
  public synchronized int numRequeues(Object item) {
    return failures.getOrDefault(item, 0);
  }

  /** Clears the item's failures (its sync succeeded). */
  public synchronized void forget(Object item) {
    failures.remove(item);
  }
}
