package io.pilothouse.watch;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The watch cache feeder's MicroProfile Metrics counter, {@code pilothouse_watch_cache_events} with
 * a {@code source} tag ({@code memory}: this instance's commits handed over in memory; {@code log}:
 * read from the event log). The server serves it at {@code /metrics} in Prometheus' format, as
 * {@code pilothouse_watch_cache_events_total}, next to the runtime's own metrics.
 */
final class FeedCounters implements FeedSource.Counts {

  static final String NAME = "pilothouse_watch_cache_events";

  private final Counter memory;
  private final Counter log;

  FeedCounters(MetricRegistry registry) {
    Metadata metadata =
        Metadata.builder()
            .withName(NAME)
            .withDescription(
                "Events the watch cache took, by source: this instance's commits handed over in"
                    + " memory, or the event log")
            .build();
    this.memory = registry.counter(metadata, new Tag("source", "memory"));
    this.log = registry.counter(metadata, new Tag("source", "log"));
  }

  @Override
  public void fromMemory(int events) {
    memory.inc(events);
  }

  @Override
  public void fromLog(int events) {
    log.inc(events);
  }
}
