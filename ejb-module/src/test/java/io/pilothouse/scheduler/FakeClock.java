package io.pilothouse.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that only moves when a test says so. */
public final class FakeClock implements InstantSource {

  private Instant now;

  public FakeClock() {
    this(Instant.parse("2025-01-01T00:00:00Z"));
  }

  public FakeClock(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }
}
