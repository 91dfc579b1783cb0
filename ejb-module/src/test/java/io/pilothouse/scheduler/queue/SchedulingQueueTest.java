package io.pilothouse.scheduler.queue;

import static io.pilothouse.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.pilothouse.scheduler.FakeClock;
import io.pilothouse.scheduler.framework.ClusterEvent;
import io.pilothouse.scheduler.framework.PodInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchedulingQueueTest {

  private final FakeClock clock = new FakeClock();
  private final SchedulingQueue queue =
      new SchedulingQueue(
          clock,
          Backoff.DEFAULT,
          SchedulingQueue.DEFAULT_MAX_IN_UNSCHEDULABLE,
          Map.of(
              "NodeAffinity", Set.of(ClusterEvent.NODE_ADD, ClusterEvent.NODE_UPDATE),
              "NodeResourcesFit", Set.of(ClusterEvent.NODE_ADD, ClusterEvent.ASSIGNED_POD_DELETE)));

  private static PodInfo info(String name, int priority) {
    return PodInfo.of(
        new PodBuilder(pod(name)).editSpec().withPriority(priority).endSpec().build());
  }

  private String popKey() {
    return queue.pop().map(QueuedPodInfo::key).orElse(null);
  }

  /** Adds, pops and requeues a pod rejected by the given plugins; returns the queued info. */
  private QueuedPodInfo failOnce(String name, Set<String> plugins) {
    queue.addOrUpdate(info(name, 0));
    QueuedPodInfo queued = queue.pop().orElseThrow();
    queue.requeue(queued, plugins);
    return queued;
  }

  @Test
  void activeQueueIsHighestPriorityFirstThenFirstIn() {
    queue.addOrUpdate(info("low", 0));
    clock.advance(Duration.ofMillis(1));
    queue.addOrUpdate(info("high", 1000));
    queue.addOrUpdate(info("low2", 0));

    assertThat(popKey()).isEqualTo("default/high");
    assertThat(popKey()).isEqualTo("default/low");
    assertThat(popKey()).isEqualTo("default/low2");
    assertThat(queue.pop()).isEmpty();
  }

  @ParameterizedTest(name = "attempt {0} backs off {1}s")
  @CsvSource({"1, 1", "2, 2", "3, 4", "4, 8", "5, 10", "9, 10"})
  void backoffDoublesPerAttemptUpToTenSeconds(int attempts, int seconds) {
    assertThat(Backoff.DEFAULT.duration(attempts)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @Test
  void failedPodWaitsOutItsBackoff() {
    QueuedPodInfo queued = failOnce("p", Set.of());

    clock.advance(Duration.ofMillis(999));
    assertThat(queue.pop()).isEmpty();
    assertThat(queue.nextWakeUp()).contains(Instant.parse("2025-01-01T00:00:01Z"));

    clock.advance(Duration.ofMillis(1));
    assertThat(queue.pop()).containsSame(queued);
    assertThat(queued.attempts()).isEqualTo(2);

    queue.requeue(queued, Set.of());
    clock.advance(Duration.ofMillis(1999));
    assertThat(queue.pop()).isEmpty();
    clock.advance(Duration.ofMillis(1));
    assertThat(queue.pop()).isPresent();
  }

  @Test
  void unschedulablePodWaitsForAnEventOfThePluginsThatRejectedIt() {
    failOnce("p", Set.of("NodeAffinity"));
    clock.advance(Duration.ofSeconds(2));

    queue.onClusterEvent(ClusterEvent.ASSIGNED_POD_DELETE);
    assertThat(queue.pop()).isEmpty();
    assertThat(queue.podKeys("unschedulable")).containsExactly("default/p");

    queue.onClusterEvent(ClusterEvent.NODE_UPDATE);
    assertThat(popKey()).isEqualTo("default/p");
  }

  @Test
  void podMovedWhileStillBackingOffGoesThroughBackoff() {
    failOnce("p", Set.of("NodeResourcesFit"));

    queue.onClusterEvent(ClusterEvent.NODE_ADD);
    assertThat(queue.podKeys("backoff")).containsExactly("default/p");
    assertThat(queue.pop()).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    assertThat(popKey()).isEqualTo("default/p");
  }

  @Test
  void eventDuringTheCycleSendsTheRejectedPodToBackoffNotToWaitForAnother() {
    queue.addOrUpdate(info("p", 0));
    QueuedPodInfo queued = queue.pop().orElseThrow();

    queue.onClusterEvent(ClusterEvent.NODE_ADD);
    queue.requeue(queued, Set.of("NodeAffinity"));

    assertThat(queue.podKeys("backoff")).containsExactly("default/p");
  }

  @Test
  void unschedulablePodsAreRetriedAfterFiveMinutesAnyway() {
    failOnce("p", Set.of("NodeAffinity"));

    clock.advance(Duration.ofMinutes(5));
    assertThat(queue.nextWakeUp()).contains(clock.instant());
    queue.flushUnschedulablePodsLeftover();

    assertThat(popKey()).isEqualTo("default/p");
  }

  @Test
  void podDeletedDuringItsCycleIsNotRequeued() {
    queue.addOrUpdate(info("p", 0));
    QueuedPodInfo queued = queue.pop().orElseThrow();

    queue.delete("default/p");
    queue.requeue(queued, Set.of());

    assertThat(queue.contains("default/p")).isFalse();
  }

  @Test
  void statusOnlyUpdatesDoNotRetryButSpecUpdatesDo() {
    Pod current = failOnce("p", Set.of("NodeAffinity")).podInfo().pod();
    clock.advance(Duration.ofSeconds(1));

    Pod withCondition =
        new PodBuilder(current).withNewStatus().withPhase("Pending").endStatus().build();
    queue.addOrUpdate(PodInfo.of(withCondition));
    assertThat(queue.pop()).isEmpty();

    Pod relaxed =
        new PodBuilder(withCondition).editSpec().addToNodeSelector("disk", "any").endSpec().build();
    queue.addOrUpdate(PodInfo.of(relaxed));
    assertThat(queue.pop().map(q -> q.podInfo().pod())).contains(relaxed);
  }

  @Test
  void gatedPodWaitsUntilItsGatesAreRemoved() {
    Pod gated =
        new PodBuilder(pod("p"))
            .editSpec()
            .addNewSchedulingGate("example.com/quota")
            .endSpec()
            .build();
    queue.addOrUpdate(PodInfo.of(gated));
    queue.onClusterEvent(ClusterEvent.WILDCARD);
    assertThat(queue.pop()).isEmpty();

    queue.addOrUpdate(
        PodInfo.of(new PodBuilder(gated).editSpec().withSchedulingGates().endSpec().build()));

    assertThat(popKey()).isEqualTo("default/p");
  }

  @Test
  void donePodLeavesTheQueue() {
    queue.addOrUpdate(info("p", 0));
    Optional<QueuedPodInfo> queued = queue.pop();

    queue.done(queued.orElseThrow());

    assertThat(queue.contains("default/p")).isFalse();
    assertThat(queue.stats()).containsEntry("active", 0).containsEntry("in_flight", 0);
  }
}
