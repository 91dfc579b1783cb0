package io.pilothouse.scheduler;

import static io.pilothouse.scheduler.Fixtures.node;
import static io.pilothouse.scheduler.Fixtures.pod;
import static io.pilothouse.scheduler.Fixtures.selector;
import static io.pilothouse.scheduler.Fixtures.taint;
import static io.pilothouse.scheduler.Fixtures.toleration;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.pilothouse.scheduler.framework.NodeInfo;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scheduler end to end over a fake API: three nodes n1, n2, n3 in zones a, b, c. */
class SchedulerScenarioTest {

  private static final String PREEMPTION =
      " preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";

  private final TestCluster cluster = new TestCluster();

  @BeforeEach
  void threeNodes() {
    String[] zones = {"a", "b", "c"};
    for (int i = 1; i <= 3; i++) {
      cluster.addNode(
          node("n" + i)
              .editMetadata()
              .addToLabels("topology.kubernetes.io/zone", zones[i - 1])
              .endMetadata()
              .build());
    }
  }

  private static Pod labelled(String name, String app) {
    return new PodBuilder(pod(name, "100m", "64Mi").build())
        .editMetadata()
        .addToLabels("app", app)
        .endMetadata()
        .build();
  }

  @Test
  void podsThatFitAreBoundAndReported() {
    for (int i = 0; i < 3; i++) {
      cluster.addPod(pod("p" + i, "1", "1Gi").build());
    }

    assertThat(cluster.schedule()).isEqualTo(3);

    assertThat(cluster.pods.values())
        .allSatisfy(p -> assertThat(p.getSpec().getNodeName()).isNotNull());
    assertThat(cluster.events)
        .contains("Scheduled: Successfully assigned default/p0 to " + cluster.nodeOf("p0"));
  }

  @Test
  void nodeSelectorNobodyMatchesUntilANodeIsRelabelled() {
    cluster.addPod(
        new PodBuilder(pod("ssd")).editSpec().addToNodeSelector("disk", "ssd").endSpec().build());

    assertThat(cluster.schedule()).isZero();
    String message =
        "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector."
            + PREEMPTION;
    assertThat(cluster.lastEvent()).isEqualTo("FailedScheduling: " + message);
    PodCondition condition = cluster.conditions.get(0);
    assertThat(condition.getType()).isEqualTo("PodScheduled");
    assertThat(condition.getStatus()).isEqualTo("False");
    assertThat(condition.getReason()).isEqualTo("Unschedulable");
    assertThat(condition.getMessage()).isEqualTo(message);
    assertThat(cluster.scheduler.queue().podKeys("unschedulable")).containsExactly("default/ssd");

    cluster.addNode(node("n2").editMetadata().addToLabels("disk", "ssd").endMetadata().build());
    cluster.clock.advance(Duration.ofSeconds(1));

    assertThat(cluster.schedule()).isEqualTo(1);
    assertThat(cluster.nodeOf("ssd")).isEqualTo("n2");
    assertThat(cluster.conditions).hasSize(1);
  }

  @Test
  void repeatedFailureWithTheSameMessageDoesNotRewriteTheCondition() {
    cluster.addPod(pod("huge", "64", null).build());
    cluster.schedule();

    cluster.scheduler.housekeeping();
    cluster
        .scheduler
        .queue()
        .onClusterEvent(io.pilothouse.scheduler.framework.ClusterEvent.WILDCARD);
    cluster.clock.advance(Duration.ofSeconds(10));
    cluster.schedule();

    assertThat(cluster.events).filteredOn(e -> e.startsWith("FailedScheduling")).hasSize(2);
    assertThat(cluster.conditions).hasSize(1);
    assertThat(cluster.conditions.get(0).getMessage())
        .isEqualTo("0/3 nodes are available: 3 Insufficient cpu." + PREEMPTION);
  }

  @Test
  void taintIsAvoidedThenTolerated() {
    for (int i = 1; i <= 2; i++) {
      cluster.addNode(
          new NodeBuilder(node("n" + i).build())
              .editSpec()
              .withTaints(taint("dedicated", "gpu", "NoSchedule"))
              .endSpec()
              .build());
    }
    cluster.addPod(pod("avoider"));
    cluster.schedule();
    assertThat(cluster.nodeOf("avoider")).isEqualTo("n3");

    cluster.addNode(
        new NodeBuilder(node("n3").build())
            .editSpec()
            .withTaints(taint("dedicated", "gpu", "NoSchedule"))
            .endSpec()
            .build());
    cluster.addPod(pod("gpu-job"));
    cluster.schedule();
    assertThat(cluster.nodeOf("gpu-job")).isNull();
    assertThat(cluster.lastEvent())
        .isEqualTo(
            "FailedScheduling: 0/3 nodes are available: 3 node(s) had untolerated taint {dedicated: gpu}."
                + PREEMPTION);

    Pod tolerating =
        new PodBuilder(cluster.pods.get("default/gpu-job"))
            .editSpec()
            .withTolerations(toleration("dedicated", "Equal", "gpu", "NoSchedule"))
            .endSpec()
            .build();
    cluster.addPod(tolerating);
    cluster.clock.advance(Duration.ofSeconds(1));

    assertThat(cluster.schedule()).isEqualTo(1);
    assertThat(cluster.nodeOf("gpu-job")).isNotNull();
  }

  @Test
  void replicasSpreadAcrossZonesWithMaxSkewOne() {
    for (int i = 0; i < 7; i++) {
      cluster.addPod(
          new PodBuilder(labelled("web-" + i, "web"))
              .editSpec()
              .addNewTopologySpreadConstraint()
              .withMaxSkew(1)
              .withTopologyKey("topology.kubernetes.io/zone")
              .withWhenUnsatisfiable("DoNotSchedule")
              .withLabelSelector(selector("app", "web"))
              .endTopologySpreadConstraint()
              .endSpec()
              .build());
    }

    assertThat(cluster.schedule()).isEqualTo(7);

    Map<String, Integer> perNode = new HashMap<>();
    cluster.pods.values().forEach(p -> perNode.merge(p.getSpec().getNodeName(), 1, Integer::sum));
    assertThat(perNode.values()).containsExactlyInAnyOrder(3, 2, 2);
  }

  @Test
  void requiredAntiAffinityPutsReplicasOnDistinctHosts() {
    for (int i = 0; i < 4; i++) {
      cluster.addPod(
          new PodBuilder(labelled("db-" + i, "db"))
              .editSpec()
              .withNewAffinity()
              .withNewPodAntiAffinity()
              .addNewRequiredDuringSchedulingIgnoredDuringExecution()
              .withLabelSelector(selector("app", "db"))
              .withTopologyKey("kubernetes.io/hostname")
              .endRequiredDuringSchedulingIgnoredDuringExecution()
              .endPodAntiAffinity()
              .endAffinity()
              .endSpec()
              .build());
    }

    assertThat(cluster.schedule()).isEqualTo(3);

    Set<String> hosts = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      hosts.add(cluster.nodeOf("db-" + i));
    }
    assertThat(hosts).containsExactlyInAnyOrder("n1", "n2", "n3");
    assertThat(cluster.lastEvent())
        .isEqualTo(
            "FailedScheduling: 0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules."
                + PREEMPTION);
  }

  @Test
  void hundredPodsDoNotOvercommitWhileBindingsAreNotYetObserved() {
    for (int i = 0; i < 100; i++) {
      cluster.addPod(pod("p" + i, "130m", "64Mi").build());
    }

    int bound = cluster.schedule();

    assertThat(bound).isEqualTo(90);
    assertThat(cluster.scheduler.cache().assumedPodCount()).isEqualTo(90);
    for (NodeInfo node : cluster.scheduler.cache().snapshot().list()) {
      assertThat(node.requested().milliCpu()).isLessThanOrEqualTo(4000);
      assertThat(node.pods()).hasSize(30);
    }
    assertThat(cluster.lastEvent())
        .isEqualTo("FailedScheduling: 0/3 nodes are available: 3 Insufficient cpu." + PREEMPTION);

    cluster.observeBindings();
    assertThat(cluster.scheduler.cache().assumedPodCount()).isZero();
    assertThat(cluster.scheduler.cache().podCount()).isEqualTo(90);
  }
}
