package io.pilothouse.controller.replicaset;

import static io.pilothouse.controller.testing.Workloads.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.pilothouse.changefeed.ChangeType;
import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.SyncResult;
import io.pilothouse.controller.testing.FakeEventRecorder;
import io.pilothouse.controller.testing.FakeObjectClient;
import io.pilothouse.controller.testing.MutableClock;
import io.pilothouse.controller.testing.Workloads;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The ReplicaSet controller's sync on the in-memory fake. */
class ReplicaSetControllerTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Map<String, String> WEB = Map.of("app", "web");
  private static final ControllerKey KEY = new ControllerKey("ns", "web");

  private final MutableClock clock = new MutableClock(T0);
  private final FakeObjectClient client = new FakeObjectClient(clock);
  private final FakeEventRecorder events = new FakeEventRecorder();
  private final ControllerContext context = Workloads.context(client, events, clock);
  private final ReplicaSetController controller = new ReplicaSetController(clock);

  private ReplicaSet replicaSet(int replicas, int minReadySeconds) {
    ReplicaSet rs =
        new ReplicaSetBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName("web")
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .withMinReadySeconds(minReadySeconds)
            .withNewSelector()
            .withMatchLabels(WEB)
            .endSelector()
            .withTemplate(Workloads.template(WEB, "nginx"))
            .endSpec()
            .build();
    return client.create(rs);
  }

  private List<Pod> pods() {
    return client.all(Pod.class);
  }

  @Test
  void createsMissingPodsWithControllerRefAndIsIdempotent() {
    ReplicaSet rs = replicaSet(3, 0);
    controller.sync(KEY, context);
    assertThat(pods()).hasSize(3);
    for (Pod pod : pods()) {
      OwnerReference ref = pod.getMetadata().getOwnerReferences().get(0);
      assertThat(ref.getUid()).isEqualTo(rs.getMetadata().getUid());
      assertThat(ref.getController()).isTrue();
      assertThat(ref.getBlockOwnerDeletion()).isTrue();
      assertThat(ref.getKind()).isEqualTo("ReplicaSet");
      assertThat(pod.getMetadata().getName()).startsWith("web-");
      assertThat(pod.getMetadata().getLabels()).containsAllEntriesOf(WEB);
    }
    assertThat(events.withReason("SuccessfulCreate")).hasSize(3);
    client.clearCalls();
    controller.sync(KEY, context);
    assertThat(client.calls("create", Pod.class)).isEmpty();
    ReplicaSet status = client.require(ReplicaSet.class, "ns", "web");
    assertThat(status.getStatus().getReplicas()).isEqualTo(3);
    assertThat(status.getStatus().getFullyLabeledReplicas()).isEqualTo(3);
    assertThat(status.getStatus().getReadyReplicas()).isZero();
    assertThat(status.getStatus().getObservedGeneration()).isEqualTo(1);
  }

  static Stream<Arguments> deletionOrder() {
    Instant early = T0.minusSeconds(600);
    Instant late = T0.minusSeconds(60);
    return Stream.of(
        Arguments.of(
            "unscheduled before scheduled",
            List.of(
                pod("ns", "bound", WEB, "n1", "Pending", null),
                pod("ns", "unbound", WEB, null, "Pending", null)),
            "unbound"),
        Arguments.of(
            "pending before running",
            List.of(
                pod("ns", "running", WEB, "n1", "Running", null),
                pod("ns", "pending", WEB, "n1", "Pending", null)),
            "pending"),
        Arguments.of(
            "not ready before ready",
            List.of(
                pod("ns", "ready", WEB, "n1", "Running", early),
                pod("ns", "notready", WEB, "n1", "Running", null)),
            "notready"),
        Arguments.of(
            "ready for less time first",
            List.of(
                pod("ns", "old", WEB, "n1", "Running", early),
                pod("ns", "young", WEB, "n1", "Running", late)),
            "young"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deletionOrder")
  void deletesSurplusInUpstreamOrder(String why, List<Pod> existing, String victim) {
    ReplicaSet rs = replicaSet(1, 0);
    for (Pod pod : existing) {
      pod.getMetadata()
          .setOwnerReferences(List.of(io.pilothouse.controller.util.OwnerRefs.controllerRef(rs)));
      client.seed(pod);
    }
    controller.sync(KEY, context);
    assertThat(client.calls("delete", Pod.class))
        .singleElement()
        .extracting(c -> c.name())
        .isEqualTo(victim);
    assertThat(events.withReason("SuccessfulDelete").get(0).message())
        .isEqualTo("Deleted pod: " + victim);
  }

  @Test
  void newestPodGoesFirstAmongEquals() {
    ReplicaSet rs = replicaSet(1, 0);
    Pod older = pod("ns", "older", WEB, "n1", "Running", null);
    client.seed(owned(older, rs));
    clock.advance(Duration.ofMinutes(1));
    client.seed(owned(pod("ns", "newer", WEB, "n1", "Running", null), rs));
    controller.sync(KEY, context);
    assertThat(client.calls("delete", Pod.class))
        .singleElement()
        .extracting(c -> c.name())
        .isEqualTo("newer");
  }

  private static Pod owned(Pod pod, ReplicaSet rs) {
    pod.getMetadata()
        .setOwnerReferences(List.of(io.pilothouse.controller.util.OwnerRefs.controllerRef(rs)));
    return pod;
  }

  @Test
  void availabilityWaitsForMinReadySeconds() {
    replicaSet(2, 10);
    controller.sync(KEY, context);
    pods().forEach(p -> Workloads.markReady(client, p, T0));
    SyncResult result = controller.sync(KEY, context);
    ReplicaSet rs = client.require(ReplicaSet.class, "ns", "web");
    assertThat(rs.getStatus().getReadyReplicas()).isEqualTo(2);
    assertThat(rs.getStatus().getAvailableReplicas()).isZero();
    assertThat(result.requeueAfter()).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(11));
    clock.advance(Duration.ofSeconds(10));
    assertThat(controller.sync(KEY, context)).isEqualTo(SyncResult.DONE);
    assertThat(client.require(ReplicaSet.class, "ns", "web").getStatus().getAvailableReplicas())
        .isEqualTo(2);
  }

  @Test
  void adoptsMatchingOrphansAndReleasesPodsThatStopMatching() {
    ReplicaSet rs = replicaSet(1, 0);
    client.seed(pod("ns", "orphan", WEB, null, "Pending", null));
    client.seed(owned(pod("ns", "relabelled", Map.of("app", "other"), null, "Pending", null), rs));
    client.seed(pod("ns", "stranger", Map.of("app", "other"), null, "Pending", null));
    controller.sync(KEY, context);
    assertThat(client.require(Pod.class, "ns", "orphan").getMetadata().getOwnerReferences())
        .singleElement()
        .extracting(OwnerReference::getUid)
        .isEqualTo(rs.getMetadata().getUid());
    assertThat(client.require(Pod.class, "ns", "relabelled").getMetadata().getOwnerReferences())
        .isEmpty();
    assertThat(client.require(Pod.class, "ns", "stranger").getMetadata().getOwnerReferences())
        .isNullOrEmpty();
    assertThat(client.calls("create", Pod.class)).isEmpty();
  }

  @Test
  void expectationsHoldCreatesUntilEarlierCreatesAreSeen() {
    replicaSet(2, 0);
    controller.sync(KEY, context);
    Pod first = pods().get(0);
    // the pod vanishes before this controller ever listed it; its deletion is not yet announced
    client.delete(Pod.class, "ns", first.getMetadata().getName(), null, null, 0L);
    client.clearCalls();
    assertThat(controller.sync(KEY, context)).isEqualTo(SyncResult.RETRY);
    assertThat(client.calls("create", Pod.class)).isEmpty();
    controller.keysFor(
        new StoreChange("", "pods", "ns", first.getMetadata().getName(), 1, ChangeType.DELETED),
        client);
    controller.sync(KEY, context);
    assertThat(client.calls("create", Pod.class)).hasSize(1);
    assertThat(pods()).hasSize(2);
  }

  @Test
  void podChangesMapToTheirReplicaSetEvenAfterDeletion() {
    replicaSet(1, 0);
    controller.sync(KEY, context);
    String pod = pods().get(0).getMetadata().getName();
    assertThat(
            controller.keysFor(
                new StoreChange("", "pods", "ns", pod, 1, ChangeType.MODIFIED), client))
        .containsExactly(KEY);
    assertThat(
            controller.keysFor(
                new StoreChange("", "pods", "ns", pod, 2, ChangeType.DELETED), client))
        .containsExactly(KEY);
  }
}
