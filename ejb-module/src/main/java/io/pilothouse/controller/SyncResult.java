package io.pilothouse.controller;

import java.time.Duration;

/**
 * What a {@link Controller#sync} asks of the work queue: nothing more, a look again after a delay
 * (a deadline, minReadySeconds, a TTL), or a retry with the queue's exponential backoff (a conflict
 * or an expectation not yet met).
 */
public record SyncResult(Duration requeueAfter, boolean retryWithBackoff) {

  /** Done until the next change. */
  public static final SyncResult DONE = new SyncResult(null, false);

  /** Retry with rate-limited backoff. */
  public static final SyncResult RETRY = new SyncResult(null, true);

  /** Look again after {@code delay}. */
  public static SyncResult after(Duration delay) {
    return new SyncResult(delay, false);
  }
}
