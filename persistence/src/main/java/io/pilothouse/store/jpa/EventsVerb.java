package io.pilothouse.store.jpa;

import io.pilothouse.store.RevisionCompactedException;
import io.pilothouse.store.StoreEvent;
import java.util.List;

/**
 * Watch from the database: the events after a revision, in revision order, always a gap-free run
 * starting right after that revision, so a watcher that advances to the last revision it got never
 * skips one.
 */
final class EventsVerb {

  private final StoreContext ctx;

  EventsVerb(StoreContext ctx) {
    this.ctx = ctx;
  }

  List<StoreEvent> eventsAfter(long revision, int max) {
    if (max <= 0) {
      throw new IllegalArgumentException("max must be positive: " + max);
    }
    List<StoreEvent> events = ctx.eventLog().after(revision, max);
    // checked after reading: a compaction that committed before the read is seen here
    long compacted = ctx.revisions().read(CounterRow.COMPACTED);
    if (revision < compacted) {
      throw RevisionCompactedException.tooOld(revision, compacted);
    }
    return gapFree(revision, events);
  }

  /**
   * The leading run of consecutive revisions. Every revision has exactly one event row, so a gap
   * can only be a write whose commit is not yet visible to this read (H2 may let a later writer's
   * commit show first); stopping there lets the next poll pick both up, in order.
   */
  private static List<StoreEvent> gapFree(long revision, List<StoreEvent> events) {
    long expected = revision + 1;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).revision() != expected + i) {
        return events.subList(0, i);
      }
    }
    return events;
  }
}
