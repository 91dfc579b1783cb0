package io.pilothouse.scheduler;

import static io.pilothouse.scheduler.Fixtures.node;
import static io.pilothouse.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scheduler facing failures: refused bindings, lost messages, malformed objects. */
class SchedulerRobustnessTest {

  private static final String PREEMPTION =
      " preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";

  private final TestCluster cluster = new TestCluster();

  @BeforeEach
  void threeNodes() {
    for (int i = 1; i <= 3; i++) {
      cluster.addNode(node("n" + i).build());
    }
  }

  @Test
  void refusedBindingForgetsTheAssumedPodAndRetriesWithBackoff() {
    cluster.failBindingWith = new IllegalStateException("etcd is on fire");
    cluster.addPod(pod("p", "1", null).build());

    assertThat(cluster.schedule()).isZero();
    assertThat(cluster.lastEvent())
        .isEqualTo("FailedScheduling: running Bind plugin \"DefaultBinder\": etcd is on fire");
    assertThat(cluster.conditions.get(0).getReason()).isEqualTo("SchedulerError");
    assertThat(cluster.scheduler.cache().podCount()).isZero();
    assertThat(cluster.scheduler.queue().podKeys("backoff")).containsExactly("default/p");

    cluster.failBindingWith = null;
    cluster.clock.advance(Duration.ofSeconds(1));
    assertThat(cluster.schedule()).isEqualTo(1);
  }

  @Test
  void deletedPodFreesRoomForAnUnschedulableOne() {
    cluster.addPod(pod("big-1", "4", null).build());
    cluster.addPod(pod("big-2", "4", null).build());
    cluster.addPod(pod("big-3", "4", null).build());
    cluster.addPod(pod("big-4", "4", null).build());
    assertThat(cluster.schedule()).isEqualTo(3);
    cluster.observeBindings();

    cluster.pods.remove("default/big-1");
    cluster.scheduler.podDeleted("default", "big-1");
    cluster.clock.advance(Duration.ofSeconds(1));

    assertThat(cluster.schedule()).isEqualTo(1);
    assertThat(cluster.nodeOf("big-4")).isNotNull();
  }

  @Test
  void resyncForgetsWhatTheListingNoLongerHas() {
    cluster.addPod(pod("gone", "4", null).build());
    cluster.addPod(pod("stays", "4", null).build());
    cluster.addPod(pod("pending", "4", null).build());
    cluster.addPod(pod("waiting", "4", null).build());
    cluster.schedule();
    cluster.observeBindings();
    cluster.pods.remove("default/gone");

    cluster.scheduler.resync(
        java.util.List.of(node("n1").build(), node("n2").build(), node("n3").build()),
        cluster.pods.values());

    assertThat(cluster.scheduler.cache().boundPodKeys()).doesNotContain("default/gone").hasSize(2);
    cluster.clock.advance(Duration.ofSeconds(1));
    assertThat(cluster.schedule()).isEqualTo(1);
  }

  @Test
  void survivesBadData() {
    cluster.scheduler.podChanged(new Pod());
    cluster.scheduler.podChanged(null);
    cluster.scheduler.nodeChanged(new io.fabric8.kubernetes.api.model.Node());
    Pod weird = pod("weird", "lots", null).build();
    weird.getSpec().getContainers().add(null);
    cluster.addPod(weird);
    cluster.addPod(
        new PodBuilder(pod("bad-selector"))
            .editSpec()
            .withNewAffinity()
            .withNewPodAffinity()
            .addNewRequiredDuringSchedulingIgnoredDuringExecution()
            .withNewLabelSelector()
            .addNewMatchExpression()
            .withKey("app")
            .withOperator("Sometimes")
            .endMatchExpression()
            .endLabelSelector()
            .withTopologyKey("kubernetes.io/hostname")
            .endRequiredDuringSchedulingIgnoredDuringExecution()
            .endPodAffinity()
            .endAffinity()
            .endSpec()
            .build());
    cluster.addPod(pod("fine"));

    cluster.schedule();

    assertThat(cluster.nodeOf("fine")).isNotNull();
    assertThat(cluster.nodeOf("weird")).isNotNull();
    assertThat(cluster.nodeOf("bad-selector")).isNull();
    assertThat(cluster.events)
        .contains(
            "FailedScheduling: 0/3 nodes are available: 3 node(s) didn't match pod affinity rules."
                + PREEMPTION);
    assertThat(cluster.scheduler.queue().contains("default/")).isFalse();
  }
}
