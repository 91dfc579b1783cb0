package io.pilothouse.store.watch;

import io.pilothouse.store.StoreEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Events of the writes this process committed, handed from the committing threads to the watch
 * cache's feeder in memory, so that it need not read them back from the event log. Writes commit in
 * revision order but hand their events over just after, so a later revision may arrive before an
 * earlier one: {@link #run} returns only a gap-free run, and a reader that finds a gap (a hand-over
 * still under way, a write made by another instance, or events dropped over {@code capacity}) reads
 * the log for it instead. Thread-safe.
 */
public final class CommittedEvents {

  private final ConcurrentSkipListMap<Long, StoreEvent> events = new ConcurrentSkipListMap<>();
  private final int capacity;
  private volatile Runnable onAdd = () -> {};

  /**
   * Holds at most {@code capacity} events; beyond it the oldest are dropped (readers read the log).
   */
  public CommittedEvents(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Runs {@code listener} after every {@link #add}, on the adding thread; it must not block. */
  public void onAdd(Runnable listener) {
    this.onAdd = listener;
  }

  /** Takes the events of one committed transaction. */
  public void add(List<StoreEvent> committed) {
    for (StoreEvent event : committed) {
      events.put(event.revision(), event);
    }
    while (events.size() > capacity) {
      events.pollFirstEntry();
    }
    onAdd.run();
  }

  /**
   * Up to {@code max} events with consecutive revisions starting right after {@code revision}
   * (empty if that next revision is not here), forgetting every event at or below {@code revision}.
   */
  public List<StoreEvent> run(long revision, int max) {
    events.headMap(revision, true).clear();
    List<StoreEvent> run = new ArrayList<>();
    long expected = revision + 1;
    for (StoreEvent event : events.tailMap(revision, false).values()) {
      if (event.revision() != expected || run.size() == max) {
        break;
      }
      run.add(event);
      expected++;
    }
    return run;
  }

  /**
   * Whether an event above {@code revision} is here (after a {@link #run} came back short: a gap).
   */
  public boolean hasAfter(long revision) {
    return events.higherKey(revision) != null;
  }
}
