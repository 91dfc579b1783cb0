package io.pilothouse.store.watch;

import static io.pilothouse.store.watch.WatchFilterTest.DB;
import static io.pilothouse.store.watch.WatchFilterTest.WEB;
import static io.pilothouse.store.watch.WatchFilterTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.store.EventType;
import io.pilothouse.store.LabelSelector;
import io.pilothouse.store.StoreEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-memory tail of the event log: order, duplicates, coverage and fan-out. */
class WatchCacheTest {

  private final WatchCache cache = new WatchCache(4, 10);

  private static List<StoreEvent> modified(long from, long to) {
    List<StoreEvent> events = new ArrayList<>();
    for (long r = from; r <= to; r++) {
      events.add(event(r, EventType.MODIFIED, WEB, WEB));
    }
    return events;
  }

  private static List<Long> revisions(List<StoreEvent> events) {
    return events.stream().map(StoreEvent::revision).toList();
  }

  @Test
  void servesEventsAfterARevisionInOrder() {
    cache.append(modified(11, 13));

    assertThat(cache.lastRevision()).isEqualTo(13);
    assertThat(cache.eventsAfter(10).map(WatchCacheTest::revisions))
        .contains(List.of(11L, 12L, 13L));
    assertThat(cache.eventsAfter(12).map(WatchCacheTest::revisions)).contains(List.of(13L));
    assertThat(cache.eventsAfter(13)).contains(List.of());
  }

  @Test
  void ignoresDuplicatesAndOlderEvents() {
    cache.append(modified(11, 12));
    cache.append(modified(11, 14));
    cache.append(modified(9, 10));

    assertThat(cache.eventsAfter(10).map(WatchCacheTest::revisions))
        .contains(List.of(11L, 12L, 13L, 14L));
  }

  @Test
  void evictedRevisionsSendTheCallerToTheDatabase() {
    cache.append(modified(11, 16));

    assertThat(cache.coveredAfter()).isEqualTo(12);
    assertThat(cache.eventsAfter(11)).isEmpty();
    assertThat(cache.eventsAfter(12).map(WatchCacheTest::revisions))
        .contains(List.of(13L, 14L, 15L, 16L));
    assertThat(cache.subscribe(9, WatchFilter.everything(), e -> {})).isEmpty();
  }

  @Test
  void subscribersGetTheReplayThenLiveEventsOnceInOrder() {
    cache.append(modified(11, 12));
    List<Long> seen = new ArrayList<>();

    Optional<Subscription> sub =
        cache.subscribe(11, WatchFilter.everything(), e -> seen.add(e.revision()));
    cache.append(modified(12, 14));
    cache.append(modified(15, 15));

    assertThat(sub).isPresent();
    assertThat(seen).containsExactly(12L, 13L, 14L, 15L);
    sub.get().cancel();
    cache.append(modified(16, 16));
    assertThat(seen).containsExactly(12L, 13L, 14L, 15L);
    assertThat(cache.subscriberCount()).isZero();
  }

  @Test
  void subscribersSeeSelectionTransitions() {
    WatchFilter webPods = new WatchFilter("", "pods", null, LabelSelector.parse("app=web"), null);
    List<StoreEvent> seen = new ArrayList<>();
    cache.subscribe(10, webPods, seen::add);

    cache.append(
        List.of(
            event(11, EventType.ADDED, DB, null),
            event(12, EventType.MODIFIED, WEB, DB),
            event(13, EventType.MODIFIED, WEB, WEB),
            event(14, EventType.MODIFIED, DB, WEB),
            event(15, EventType.DELETED, DB, DB)));

    assertThat(seen)
        .extracting(StoreEvent::revision, StoreEvent::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(12L, EventType.ADDED),
            org.assertj.core.groups.Tuple.tuple(13L, EventType.MODIFIED),
            org.assertj.core.groups.Tuple.tuple(14L, EventType.DELETED));
  }

  @Test
  void aFailingListenerIsCancelledWithoutHurtingOthers() {
    List<Long> healthy = new ArrayList<>();
    Subscription broken =
        cache
            .subscribe(
                10,
                WatchFilter.everything(),
                e -> {
                  throw new IllegalStateException("client gone");
                })
            .orElseThrow();
    cache.subscribe(10, WatchFilter.everything(), e -> healthy.add(e.revision()));

    cache.append(modified(11, 12));

    assertThat(broken.isActive()).isFalse();
    assertThat(healthy).containsExactly(11L, 12L);
    assertThat(cache.subscriberCount()).isEqualTo(1);
  }
}
