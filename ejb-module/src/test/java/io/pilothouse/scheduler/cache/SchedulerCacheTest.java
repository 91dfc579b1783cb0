package io.pilothouse.scheduler.cache;

import static io.pilothouse.scheduler.Fixtures.bound;
import static io.pilothouse.scheduler.Fixtures.node;
import static io.pilothouse.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilothouse.scheduler.FakeClock;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.PodInfo;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchedulerCacheTest {

  private final FakeClock clock = new FakeClock();
  private final SchedulerCache cache = new SchedulerCache(clock, Duration.ofSeconds(30));
  private final PodInfo web = PodInfo.of(pod("web", "1", "1Gi").build());

  @BeforeEach
  void nodes() {
    cache.addOrUpdateNode(node("n1").build());
    cache.addOrUpdateNode(node("n2").build());
    cache.addOrUpdateNode(node("n3").build());
  }

  private NodeInfo inSnapshot(String node) {
    return cache.snapshot().get(node);
  }

  @Test
  void assumedPodCountsOnItsNodeUntilForgotten() {
    cache.assumePod(web.withNodeName("n1"));

    assertThat(inSnapshot("n1").requested().milliCpu()).isEqualTo(1000);
    assertThat(inSnapshot("n1").pods()).hasSize(1);
    assertThat(cache.isAssumedPod("default/web")).isTrue();

    cache.forgetPod(web.withNodeName("n1"));

    assertThat(inSnapshot("n1").requested().milliCpu()).isZero();
    assertThat(cache.podCount()).isZero();
  }

  @Test
  void observedBindingConfirmsTheAssumedPodForGood() {
    cache.assumePod(web.withNodeName("n1"));
    cache.finishBinding(web.withNodeName("n1"));

    cache.addOrUpdatePod(PodInfo.of(bound(web.pod(), "n1")));
    clock.advance(Duration.ofMinutes(5));

    assertThat(cache.cleanupExpiredAssumedPods()).isZero();
    assertThat(cache.isAssumedPod("default/web")).isFalse();
    assertThat(inSnapshot("n1").requested().milliCpu()).isEqualTo(1000);
  }

  @Test
  void assumedPodExpiresTtlAfterItsBindingFinishedIfNeverObserved() {
    cache.assumePod(web.withNodeName("n1"));
    cache.finishBinding(web.withNodeName("n1"));

    clock.advance(Duration.ofSeconds(30));
    assertThat(cache.cleanupExpiredAssumedPods()).isZero();

    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.cleanupExpiredAssumedPods()).isEqualTo(1);
    assertThat(inSnapshot("n1").pods()).isEmpty();
  }

  @Test
  void assumedPodDoesNotExpireWhileItsBindingIsInFlight() {
    cache.assumePod(web.withNodeName("n1"));

    clock.advance(Duration.ofHours(1));

    assertThat(cache.cleanupExpiredAssumedPods()).isZero();
    assertThat(cache.isAssumedPod("default/web")).isTrue();
  }

  @Test
  void podBoundElsewhereMovesToItsRealNode() {
    cache.assumePod(web.withNodeName("n1"));

    cache.addOrUpdatePod(PodInfo.of(bound(web.pod(), "n2")));

    assertThat(inSnapshot("n1").pods()).isEmpty();
    assertThat(inSnapshot("n2").pods()).extracting(PodInfo::key).containsExactly("default/web");
  }

  @Test
  void assumingTwiceIsRefused() {
    cache.assumePod(web.withNodeName("n1"));

    assertThatThrownBy(() -> cache.assumePod(web.withNodeName("n2")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void removedPodFreesItsResources() {
    cache.addOrUpdatePod(PodInfo.of(bound(web.pod(), "n3")));

    cache.removePod("default/web");

    assertThat(inSnapshot("n3").requested().milliCpu()).isZero();
  }

  @Test
  void snapshotCopiesOnlyChangedNodesAndKeepsTheirIdentity() {
    Snapshot snapshot = cache.snapshot();
    NodeInfo n1 = snapshot.get("n1");
    NodeInfo n2 = snapshot.get("n2");
    long n1Generation = n1.generation();

    cache.assumePod(web.withNodeName("n2"));
    cache.updateSnapshot(snapshot);

    assertThat(snapshot.get("n1")).isSameAs(n1);
    assertThat(n1.generation()).isEqualTo(n1Generation);
    assertThat(snapshot.get("n2")).isSameAs(n2);
    assertThat(n2.pods()).hasSize(1);
    assertThat(cache.getPod("default/web").nodeName()).isEqualTo("n2");
  }

  @Test
  void nodesComeAndGoFromTheSnapshot() {
    Snapshot snapshot = cache.snapshot();
    cache.addOrUpdatePod(PodInfo.of(bound(web.pod(), "n9")));
    cache.removeNode("n3");
    cache.updateSnapshot(snapshot);

    assertThat(snapshot.list()).extracting(NodeInfo::name).containsExactlyInAnyOrder("n1", "n2");

    cache.addOrUpdateNode(node("n9").build());
    cache.updateSnapshot(snapshot);

    assertThat(snapshot.get("n9").pods()).hasSize(1);
    assertThat(snapshot.list()).hasSize(3);
  }

  @Test
  void nodeListIsInterleavedAcrossZones() {
    SchedulerCache zoned = new SchedulerCache(clock, Duration.ZERO);
    for (String[] n :
        new String[][] {
          {"a1", "a"}, {"a2", "a"}, {"a3", "a"}, {"b1", "b"}, {"c1", "c"}, {"b2", "b"}
        }) {
      zoned.addOrUpdateNode(
          node(n[0]).editMetadata().addToLabels(Snapshot.ZONE_LABEL, n[1]).endMetadata().build());
    }

    assertThat(zoned.snapshot().list())
        .extracting(NodeInfo::name)
        .containsExactly("a1", "b1", "c1", "a2", "b2", "a3");
  }
}
