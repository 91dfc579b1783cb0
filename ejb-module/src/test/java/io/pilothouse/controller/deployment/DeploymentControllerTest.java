package io.pilothouse.controller.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.replicaset.ReplicaSetController;
import io.pilothouse.controller.testing.FakeEventRecorder;
import io.pilothouse.controller.testing.FakeObjectClient;
import io.pilothouse.controller.testing.MutableClock;
import io.pilothouse.controller.testing.Workloads;
import io.pilothouse.controller.util.PodStates;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Deployment controller's sync on the in-memory fake, driven together with the ReplicaSet
 * controller and a stand-in kubelet that marks pods ready when told to.
 */
class DeploymentControllerTest {

  private static final Map<String, String> WEB = Map.of("app", "web");
  private static final ControllerKey KEY = new ControllerKey("ns", "web");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeObjectClient client = new FakeObjectClient(clock);
  private final FakeEventRecorder events = new FakeEventRecorder();
  private final ControllerContext context = Workloads.context(client, events, clock);
  private final DeploymentController deployments = new DeploymentController();
  private final ReplicaSetController replicaSets = new ReplicaSetController(clock);

  private Deployment create(int replicas, String strategy, String surge, String unavailable) {
    DeploymentBuilder b =
        new DeploymentBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName("web")
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .withRevisionHistoryLimit(10)
            .withProgressDeadlineSeconds(600)
            .withNewSelector()
            .withMatchLabels(WEB)
            .endSelector()
            .withTemplate(Workloads.template(WEB, "nginx:1"))
            .withNewStrategy()
            .withType(strategy)
            .endStrategy()
            .endSpec();
    if (surge != null) {
      b.editSpec()
          .editStrategy()
          .withNewRollingUpdate()
          .withMaxSurge(intOrPercent(surge))
          .withMaxUnavailable(intOrPercent(unavailable))
          .endRollingUpdate()
          .endStrategy()
          .endSpec();
    }
    return client.create(b.build());
  }

  private static IntOrString intOrPercent(String v) {
    return v.endsWith("%") ? new IntOrString(v) : new IntOrString(Integer.parseInt(v));
  }

  /** One round: the Deployment, then every ReplicaSet, synced once. */
  private void round() {
    deployments.sync(KEY, context);
    for (ReplicaSet rs : client.all(ReplicaSet.class)) {
      replicaSets.sync(new ControllerKey("ns", rs.getMetadata().getName()), context);
    }
  }

  /** Rounds until nothing is written any more. */
  private void settle() {
    for (int i = 0; i < 50; i++) {
      client.clearCalls();
      round();
      if (client.writes().isEmpty()) {
        return;
      }
    }
    throw new AssertionError("did not settle: " + client.writes());
  }

  private void kubeletMarksAllReady() {
    for (Pod pod : client.all(Pod.class)) {
      if (PodStates.isActive(pod) && !PodStates.isReady(pod)) {
        Workloads.markReady(client, pod, clock.instant());
      }
    }
  }

  private Deployment deployment() {
    return client.require(Deployment.class, "ns", "web");
  }

  private void changeImage(String image) {
    Deployment d = deployment();
    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
    client.update(d);
  }

  private static String condition(Deployment d, String type) {
    DeploymentCondition c =
        d.getStatus().getConditions().stream()
            .filter(x -> x.getType().equals(type))
            .findFirst()
            .orElseThrow();
    return c.getStatus() + "/" + c.getReason();
  }

  @Test
  void createsAHashNamedReplicaSetWithRevisionOne() {
    create(3, "RollingUpdate", null, null);
    settle();
    ReplicaSet rs = client.all(ReplicaSet.class).get(0);
    String hash = rs.getMetadata().getLabels().get("pod-template-hash");
    assertThat(rs.getMetadata().getName()).isEqualTo("web-" + hash);
    assertThat(hash).matches("[bcdfghjklmnpqrstvwxz2456789]+");
    assertThat(rs.getSpec().getSelector().getMatchLabels())
        .containsEntry("pod-template-hash", hash);
    assertThat(rs.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("pod-template-hash", hash);
    assertThat(rs.getMetadata().getAnnotations())
        .containsEntry("deployment.kubernetes.io/revision", "1")
        .containsEntry("deployment.kubernetes.io/desired-replicas", "3")
        .containsEntry("deployment.kubernetes.io/max-replicas", "4");
    assertThat(deployment().getMetadata().getAnnotations())
        .containsEntry("deployment.kubernetes.io/revision", "1");
    assertThat(client.all(Pod.class)).hasSize(3);
    assertThat(events.withReason("ScalingReplicaSet").get(0).message())
        .isEqualTo("Scaled up replica set " + rs.getMetadata().getName() + " from 0 to 3");
    assertThat(condition(deployment(), "Available")).isEqualTo("False/MinimumReplicasUnavailable");
    kubeletMarksAllReady();
    settle();
    Deployment d = deployment();
    assertThat(d.getStatus().getObservedGeneration()).isEqualTo(d.getMetadata().getGeneration());
    assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(3);
    assertThat(d.getStatus().getUpdatedReplicas()).isEqualTo(3);
    assertThat(condition(d, "Available")).isEqualTo("True/MinimumReplicasAvailable");
    assertThat(condition(d, "Progressing")).isEqualTo("True/NewReplicaSetAvailable");
  }

  @ParameterizedTest(name = "replicas {0}, maxSurge {1}, maxUnavailable {2}")
  @CsvSource({"3,1,0", "3,0,1", "4,25%,25%", "5,2,2", "10,30%,0"})
  void rollingUpdateStaysWithinSurgeAndUnavailable(int replicas, String surge, String unavailable) {
    create(replicas, "RollingUpdate", surge, unavailable);
    settle();
    kubeletMarksAllReady();
    settle();
    changeImage("nginx:2");
    Fenceposts f = Fenceposts.of(deployment());
    for (int step = 0; step < 100; step++) {
      client.clearCalls();
      round();
      List<Pod> active = client.all(Pod.class).stream().filter(PodStates::isActive).toList();
      long available = active.stream().filter(PodStates::isReady).count();
      assertThat(active.size())
          .as("pods at step %d", step)
          .isLessThanOrEqualTo(replicas + f.maxSurge());
      assertThat(available)
          .as("available at step %d", step)
          .isGreaterThanOrEqualTo(replicas - f.maxUnavailable());
      kubeletMarksAllReady();
      if (client.writes().isEmpty()) {
        break;
      }
    }
    List<ReplicaSet> sets =
        client.all(ReplicaSet.class).stream()
            .sorted(Comparator.comparing(Rollouts::revision))
            .toList();
    assertThat(sets).hasSize(2);
    assertThat(sets.get(0).getSpec().getReplicas()).isZero();
    assertThat(sets.get(1).getSpec().getReplicas()).isEqualTo(replicas);
    assertThat(Rollouts.revision(sets.get(1))).isEqualTo(2);
    assertThat(deployment().getMetadata().getAnnotations())
        .containsEntry("deployment.kubernetes.io/revision", "2");
    assertThat(client.all(Pod.class))
        .hasSize(replicas)
        .allSatisfy(
            p -> assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:2"));
    assertThat(condition(deployment(), "Progressing")).isEqualTo("True/NewReplicaSetAvailable");
  }

  @ParameterizedTest(name = "{0} of {1}, round up {2} -> {3}")
  @CsvSource({"25%,10,true,3", "25%,10,false,2", "1,10,false,1", "0%,3,true,0", "50%,3,false,1"})
  void fencepostsRoundAsUpstream(String value, int total, boolean up, int expected) {
    assertThat(Fenceposts.resolve(intOrPercent(value), total, up)).isEqualTo(expected);
  }

  @Test
  void fencepostsNeverBothZero() {
    create(3, "RollingUpdate", "0", "0");
    assertThat(Fenceposts.of(deployment())).isEqualTo(new Fenceposts(0, 1));
  }

  @Test
  void recreateScalesOldToZeroBeforeCreatingTheNew() {
    create(2, "Recreate", null, null);
    settle();
    kubeletMarksAllReady();
    settle();
    changeImage("nginx:2");
    deployments.sync(KEY, context);
    assertThat(client.all(ReplicaSet.class))
        .singleElement()
        .satisfies(rs -> assertThat(rs.getSpec().getReplicas()).isZero());
    deployments.sync(KEY, context);
    assertThat(client.all(ReplicaSet.class)).as("old pods still running").hasSize(1);
    settle();
    assertThat(client.all(ReplicaSet.class)).hasSize(2);
    assertThat(client.all(Pod.class))
        .hasSize(2)
        .allSatisfy(
            p -> assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:2"));
  }

  @Test
  void revisionHistoryLimitDeletesTheOldestEmptyReplicaSets() {
    Deployment d = create(1, "RollingUpdate", "1", "0");
    d.getSpec().setRevisionHistoryLimit(1);
    client.update(deployment().edit().editSpec().withRevisionHistoryLimit(1).endSpec().build());
    for (String image : List.of("nginx:2", "nginx:3", "nginx:4")) {
      settle();
      kubeletMarksAllReady();
      settle();
      changeImage(image);
    }
    settle();
    kubeletMarksAllReady();
    settle();
    assertThat(client.all(ReplicaSet.class))
        .extracting(Rollouts::revision)
        .containsExactlyInAnyOrder(3L, 4L);
  }

  @Test
  void pausedDeploymentsScaleButDoNotRollOut() {
    create(2, "RollingUpdate", null, null);
    settle();
    client.update(
        deployment().edit().editSpec().withPaused(true).withReplicas(3).endSpec().build());
    changeImage("nginx:2");
    settle();
    assertThat(client.all(ReplicaSet.class))
        .singleElement()
        .satisfies(rs -> assertThat(rs.getSpec().getReplicas()).isEqualTo(3));
    assertThat(condition(deployment(), "Progressing")).isEqualTo("Unknown/DeploymentPaused");
    client.update(deployment().edit().editSpec().withPaused(false).endSpec().build());
    settle();
    assertThat(client.all(ReplicaSet.class)).hasSize(2);
  }

  @Test
  void progressDeadlineExceededWhenPodsNeverBecomeReady() {
    create(2, "RollingUpdate", null, null);
    settle();
    assertThat(deployments.sync(KEY, context).requeueAfter()).isPositive();
    clock.advance(Duration.ofSeconds(601));
    settle();
    assertThat(condition(deployment(), "Progressing")).isEqualTo("False/ProgressDeadlineExceeded");
  }
}
