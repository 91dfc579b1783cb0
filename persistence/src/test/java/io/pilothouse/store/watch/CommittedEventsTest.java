package io.pilothouse.store.watch;

import static io.pilothouse.store.watch.WatchFilterTest.WEB;
import static io.pilothouse.store.watch.WatchFilterTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilothouse.store.EventType;
import io.pilothouse.store.StoreEvent;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The in-memory hand-over of committed events: gap-free runs, forgetting, capacity. */
class CommittedEventsTest {

  private final CommittedEvents committed = new CommittedEvents(100);

  private static StoreEvent at(long revision) {
    return event(revision, EventType.MODIFIED, WEB, WEB);
  }

  private static List<Long> revisions(List<StoreEvent> events) {
    return events.stream().map(StoreEvent::revision).toList();
  }

  @Test
  void handsOutTheRunRightAfterARevisionAndStopsAtAGap() {
    committed.add(List.of(at(11), at(12)));
    committed.add(List.of(at(14)));

    assertThat(revisions(committed.run(10, 100))).containsExactly(11L, 12L);
    assertThat(committed.run(12, 100)).isEmpty();
    assertThat(committed.hasAfter(12)).isTrue();

    committed.add(List.of(at(13)));
    assertThat(revisions(committed.run(12, 100))).containsExactly(13L, 14L);
  }

  @Test
  void aRunNeverStartsAnywhereButRightAfterTheRevision() {
    committed.add(List.of(at(12), at(13)));

    assertThat(committed.run(10, 100)).isEmpty();
    assertThat(committed.hasAfter(10)).isTrue();
  }

  @Test
  void forgetsWhatIsAtOrBelowTheRevisionAskedFor() {
    committed.add(List.of(at(11), at(12), at(13)));

    assertThat(revisions(committed.run(12, 100))).containsExactly(13L);
    assertThat(committed.run(10, 100)).isEmpty();
    assertThat(committed.hasAfter(13)).isFalse();
  }

  @Test
  void aRunIsAtMostMaxLong() {
    committed.add(List.of(at(1), at(2), at(3)));

    assertThat(revisions(committed.run(0, 2))).containsExactly(1L, 2L);
  }

  @Test
  void dropsTheOldestBeyondCapacitySoTheReaderSeesAGap() {
    CommittedEvents small = new CommittedEvents(2);
    small.add(List.of(at(1), at(2), at(3)));

    assertThat(small.run(0, 10)).isEmpty();
    assertThat(small.hasAfter(0)).isTrue();
    assertThat(revisions(small.run(1, 10))).containsExactly(2L, 3L);
  }

  @Test
  void tellsItsListenerOfEveryAdd() {
    AtomicInteger adds = new AtomicInteger();
    committed.onAdd(adds::incrementAndGet);

    committed.add(List.of(at(1)));
    committed.add(List.of(at(2), at(3)));

    assertThat(adds).hasValue(2);
  }

  @Test
  void refusesANonPositiveCapacity() {
    assertThatThrownBy(() -> new CommittedEvents(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
