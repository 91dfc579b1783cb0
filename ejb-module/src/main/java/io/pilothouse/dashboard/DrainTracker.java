package io.pilothouse.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The progress of the drains running in this instance, by drain id, as {@link DrainRunner} reports
 * it and the dashboard polls it. Finished drains are forgotten ten minutes after their last update.
 */
@ApplicationScoped
public class DrainTracker {

  static final Duration KEEP = Duration.ofMinutes(10);

  private record Entry(DrainProgress progress, Instant updated) {}

  private final Map<String, Entry> drains = new ConcurrentHashMap<>();
  private final Clock clock;

  public DrainTracker() {
    this(Clock.systemUTC());
  }

  DrainTracker(Clock clock) {
    this.clock = clock;
  }

  public void update(String id, DrainProgress progress) {
    Instant now = clock.instant();
    drains.put(id, new Entry(progress, now));
    drains.values().removeIf(e -> e.progress().done() && e.updated().plus(KEEP).isBefore(now));
  }

  public Optional<DrainProgress> get(String id) {
    return Optional.ofNullable(drains.get(id)).map(Entry::progress);
  }
}
