package io.pilothouse.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.store.EventType;
import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoreEvent;
import io.pilothouse.store.watch.CommittedEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FeedSourceTest {

  private static final long LOG_READ_NANOS = 500_000_000L;

  private final CommittedEvents committed = new CommittedEvents(100);
  private final List<StoreEvent> logRows = new ArrayList<>();
  private final List<Long> logReads = new ArrayList<>();
  private final AtomicLong announced = new AtomicLong();
  private final AtomicLong clock = new AtomicLong(1_000_000_000L);
  private final AtomicLong fromMemory = new AtomicLong();
  private final AtomicLong fromLog = new AtomicLong();
  private final AtomicLong durable = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong durabilityRequested = new AtomicLong();
  private long last;

  private final FeedSource source =
      new FeedSource(
          committed,
          this::readLog,
          revision -> announced.get() > revision,
          3,
          LOG_READ_NANOS,
          clock::get,
          new FeedSource.Counts() {
            @Override
            public void fromMemory(int events) {
              fromMemory.addAndGet(events);
            }

            @Override
            public void fromLog(int events) {
              fromLog.addAndGet(events);
            }
          },
          durable::get,
          revision -> durabilityRequested.accumulateAndGet(revision, Math::max));

  private List<StoreEvent> readLog(long after, int max) {
    logReads.add(after);
    return logRows.stream().filter(e -> e.revision() > after).limit(max).toList();
  }

  private static StoreEvent at(long revision) {
    return new StoreEvent(
        revision,
        EventType.MODIFIED,
        new ObjectKey("coordination.k8s.io", "leases", "kube-node-lease", "n" + revision),
        "uid",
        "{}",
        "{}",
        IndexedFields.builder().build(),
        IndexedFields.builder().build());
  }

  /** Commits revisions: rows in the log, and (if {@code handedOver}) events in memory. */
  private void commit(boolean handedOver, long... revisions) {
    for (long revision : revisions) {
      logRows.add(at(revision));
      if (handedOver) {
        committed.add(List.of(at(revision)));
      }
    }
  }

  /** One feeding as the feeder does it; the revisions applied, in order. */
  private List<Long> feed(boolean readLog) {
    FeedSource.Pass pass = source.pass(readLog);
    List<Long> applied = new ArrayList<>();
    List<StoreEvent> events;
    while (!(events = pass.next(last)).isEmpty()) {
      for (StoreEvent event : events) {
        applied.add(event.revision());
        last = event.revision();
      }
    }
    return applied;
  }

  @Test
  void holdsBackWhatIsNotYetDurableAndAsksForItUntilACheckpointCoversIt() {
    durable.set(2);
    commit(true, 1, 2, 3, 4);

    assertThat(feed(false)).containsExactly(1L, 2L);
    assertThat(durabilityRequested).hasValue(4);
    assertThat(feed(true)).as("not even a catch-up reads past the durable revision").isEmpty();

    durable.set(4);

    assertThat(feed(false)).containsExactly(3L, 4L);
  }

  @Test
  void holdsBackLogEventsThatAreNotYetDurable() {
    durable.set(1);
    commit(false, 1, 2);

    assertThat(feed(true)).containsExactly(1L);
    assertThat(durabilityRequested).hasValue(2);

    durable.set(2);

    assertThat(feed(true)).containsExactly(2L);
  }

  @Test
  void takesThisProcesssOwnWritesFromMemoryWithoutReadingTheLog() {
    commit(true, 1, 2, 3, 4, 5);

    assertThat(feed(false)).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(logReads).isEmpty();
    assertThat(fromMemory).hasValue(5);
    assertThat(fromLog).hasValue(0);
  }

  @Test
  void readsTheLogForAGapBeforeAHandedOverRevision() {
    commit(false, 1);
    commit(true, 2);

    assertThat(feed(false)).containsExactly(1L, 2L);
    assertThat(logReads).containsExactly(0L);
  }

  @Test
  void readsTheLogForARevisionTheTopicAnnouncedAndMemoryLacks() {
    commit(false, 1);
    announced.set(1);

    assertThat(feed(false)).containsExactly(1L);
    assertThat(fromLog).hasValue(1);
  }

  @Test
  void aCatchUpReadsTheLogEvenWithNothingMissingInMemory() {
    commit(false, 1);

    assertThat(feed(false)).isEmpty();
    assertThat(feed(true)).containsExactly(1L);
  }

  @Test
  void readsTheLogOnceTheLastReadIsOldEnough() {
    commit(false, 1);
    assertThat(feed(false)).isEmpty();

    clock.addAndGet(LOG_READ_NANOS + 1);

    assertThat(feed(false)).containsExactly(1L);
    assertThat(feed(false)).isEmpty();
    assertThat(logReads).hasSize(1);
  }

  @Test
  void aGapTheLogCannotFillYetEndsThePassAfterOneRead() {
    // revision 1 committed but not visible yet: in neither place
    commit(true, 2);
    logRows.clear();

    assertThat(feed(false)).isEmpty();
    assertThat(logReads).containsExactly(0L);
  }

  @Test
  void readsOnWhileTheLogComesBackFull() {
    commit(false, 1, 2, 3, 4, 5, 6, 7);
    commit(true, 8);

    assertThat(feed(false)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(logReads).containsExactly(0L, 3L, 6L);
  }
}
