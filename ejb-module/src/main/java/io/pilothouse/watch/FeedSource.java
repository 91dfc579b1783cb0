package io.pilothouse.watch;

import io.pilothouse.store.StoreEvent;
import io.pilothouse.store.watch.CommittedEvents;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

/**
 * Where the {@link WatchCacheFeeder} takes the events after its revision from: the gap-free run
 * this process's committed writes handed over in memory ({@link CommittedEvents}), and the event
 * log wherever that run stops short of what is known to exist — a later revision already handed
 * over, a revision the change topic announced, a caller that must see everything committed so far,
 * or a last log read older than {@code logReadNanos} (the safety net for anything handed over
 * nowhere). Never past {@code durableRevision}, the revision up to which every write survives a
 * crash: later events are held back, and asked to be made durable ({@code requestDurable}), so that
 * no watcher, informer or controller acts on a write a crash could still take back (etcd too tells
 * watchers only what its log holds). Used by the feeder's one thread.
 */
final class FeedSource {

  /** The event log as the feeder reads it; throws {@link WatchExpiredException} if compacted. */
  interface Log {
    List<StoreEvent> eventsAfter(long revision, int max);
  }

  /** Hears how many events each run brought, by where they came from. */
  interface Counts {
    void fromMemory(int events);

    void fromLog(int events);
  }

  private final CommittedEvents committed;
  private final Log log;
  private final LongPredicate announcedAfter;
  private final int batch;
  private final long logReadNanos;
  private final LongSupplier nanoClock;
  private final Counts counts;
  private final LongSupplier durableRevision;
  private final LongConsumer requestDurable;
  private long lastLogRead;

  FeedSource(
      CommittedEvents committed,
      Log log,
      LongPredicate announcedAfter,
      int batch,
      long logReadNanos,
      LongSupplier nanoClock,
      Counts counts,
      LongSupplier durableRevision,
      LongConsumer requestDurable) {
    this.committed = committed;
    this.log = log;
    this.announcedAfter = announcedAfter;
    this.batch = batch;
    this.logReadNanos = logReadNanos;
    this.nanoClock = nanoClock;
    this.counts = counts;
    this.durableRevision = durableRevision;
    this.requestDurable = requestDurable;
    this.lastLogRead = nanoClock.getAsLong();
  }

  /** One feeding: {@code readLog} if the caller must see every write committed before now. */
  Pass pass(boolean readLog) {
    return new Pass(readLog || nanoClock.getAsLong() - lastLogRead > logReadNanos);
  }

  /** The runs of one feeding, asked for one after another until one comes back empty. */
  final class Pass {

    private boolean logWanted;
    private boolean logAllowed = true;

    private Pass(boolean logWanted) {
      this.logWanted = logWanted;
    }

    /**
     * The next run after {@code last}, or an empty list when nothing more is at hand. It reads the
     * log at most once per pass unless that read came back full, so a write whose commit is not yet
     * visible cannot make the feeder spin.
     */
    List<StoreEvent> next(long last) {
      long durable = durableRevision.getAsLong();
      List<StoreEvent> events = committed.run(last, batch);
      if (!events.isEmpty()) {
        events = durableOnly(events, durable);
        counts.fromMemory(events.size());
        return events;
      }
      boolean missing = committed.hasAfter(last) || announcedAfter.test(last);
      if (!logAllowed || !(logWanted || missing) || last >= durable) {
        return List.of();
      }
      lastLogRead = nanoClock.getAsLong();
      events = log.eventsAfter(last, batch);
      logWanted = false;
      logAllowed = events.size() == batch;
      events = durableOnly(events, durable);
      counts.fromLog(events.size());
      return events;
    }

    /** The events up to {@code durable}; asks for the rest to be made durable. */
    private List<StoreEvent> durableOnly(List<StoreEvent> events, long durable) {
      if (events.isEmpty()) {
        return events;
      }
      long newest = events.get(events.size() - 1).revision();
      if (newest <= durable) {
        return events;
      }
      requestDurable.accept(newest);
      int keep = 0;
      while (keep < events.size() && events.get(keep).revision() <= durable) {
        keep++;
      }
      logAllowed = false;
      return events.subList(0, keep);
    }
  }
}
