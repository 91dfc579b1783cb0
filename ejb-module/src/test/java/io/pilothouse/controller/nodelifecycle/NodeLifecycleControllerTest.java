package io.pilothouse.controller.nodelifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.SyncResult;
import io.pilothouse.controller.testing.FakeEventRecorder;
import io.pilothouse.controller.testing.FakeObjectClient;
import io.pilothouse.controller.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeLifecycleControllerTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");
  private static final String CREATED = "2026-01-01T00:00:00Z";

  private final MutableClock clock = new MutableClock(NOW);
  private final FakeObjectClient client = new FakeObjectClient(clock);
  private final FakeEventRecorder events = new FakeEventRecorder();
  private final ControllerContext context = new ControllerContext(client, events, clock);
  private final NodeLifecycleController controller =
      new NodeLifecycleController(Duration.ofSeconds(40));

  @Test
  void aNodeWithAFreshLeaseIsLeftAloneAndLookedAtWhenItsGraceRunsOut() {
    client.seed(node("n1", "True", false, List.of()), lease("n1", NOW.minusSeconds(10)));

    SyncResult result = sync("n1");

    assertThat(client.writes()).isEmpty();
    assertThat(result.requeueAfter()).isEqualTo(Duration.ofSeconds(31));
  }

  @Test
  void leaseRenewalsTriggerNoSyncButMoveTheNextLookOn() {
    assertThat(controller.watchedResources()).containsExactly("nodes");
    client.seed(node("n1", "True", false, List.of()), lease("n1", NOW.minusSeconds(10)));
    Duration first = sync("n1").requeueAfter();

    // the kubelet renewed the Lease before the look that the first sync asked for came due
    clock.advance(first);
    client.update(lease("n1", clock.instant().minusSeconds(5)));
    SyncResult due = sync("n1");

    assertThat(client.writes()).extracting(FakeObjectClient.Call::kind).containsExactly("Lease");
    assertThat(NodeHealth.ready(client.require(Node.class, null, "n1")).orElseThrow().getStatus())
        .isEqualTo("True");
    assertThat(due.requeueAfter()).isEqualTo(Duration.ofSeconds(36));
  }

  @Test
  void aHealthyNodeInTheListersNeedsNoStoreRead() {
    FakeObjectClient listers = new FakeObjectClient(clock);
    listers.seed(node("n1", "True", false, List.of()), lease("n1", NOW.minusSeconds(10)));
    ControllerContext cached = new ControllerContext(client, events, clock, Runnable::run, listers);

    SyncResult result = controller.sync(new ControllerKey(null, "n1"), cached);

    assertThat(result.requeueAfter()).isEqualTo(Duration.ofSeconds(31));
    assertThat(client.calls()).isEmpty();
  }

  @Test
  void aNodeSilentInLaggingListersIsJudgedFromTheStore() {
    FakeObjectClient listers = new FakeObjectClient(clock);
    listers.seed(node("n1", "True", false, List.of()), lease("n1", NOW.minusSeconds(41)));
    client.seed(node("n1", "True", false, List.of()), lease("n1", NOW.minusSeconds(2)));
    ControllerContext cached = new ControllerContext(client, events, clock, Runnable::run, listers);

    SyncResult result = controller.sync(new ControllerKey(null, "n1"), cached);

    assertThat(client.writes()).isEmpty();
    assertThat(events.reasons()).isEmpty();
    assertThat(result.requeueAfter()).isEqualTo(Duration.ofSeconds(39));
  }

  @Test
  void aSilentNodeGoesUnknownWithTheUnreachableTaintAndAnEvent() {
    client.seed(node("n1", "True", false, List.of()), lease("n1", NOW.minusSeconds(41)));

    sync("n1");

    Node node = client.require(Node.class, null, "n1");
    assertThat(NodeHealth.ready(node).orElseThrow().getStatus()).isEqualTo("Unknown");
    assertThat(NodeHealth.ready(node).orElseThrow().getReason()).isEqualTo("NodeStatusUnknown");
    assertThat(node.getSpec().getTaints())
        .extracting(Taint::getKey, Taint::getEffect, Taint::getTimeAdded)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                NodeTaints.UNREACHABLE, "NoExecute", "2026-01-01T00:10:00Z"));
    assertThat(events.reasons()).containsExactly("NodeNotReady");
  }

  @Test
  void aNodeThatNeverReportedGetsTheGraceFromItsCreation() {
    client.seed(
        new NodeBuilder()
            .withNewMetadata()
            .withName("n1")
            .withCreationTimestamp(CREATED)
            .endMetadata()
            .build());

    sync("n1");

    assertThat(
            NodeTaints.has(
                client.require(Node.class, null, "n1"), NodeTaints.UNREACHABLE, "NoExecute"))
        .isTrue();
  }

  @Test
  void readyFalseGetsTheNotReadyTaintAndRecoveryRemovesIt() {
    client.seed(node("n1", "False", false, List.of()), lease("n1", NOW));

    sync("n1");
    assertThat(
            NodeTaints.has(
                client.require(Node.class, null, "n1"), NodeTaints.NOT_READY, "NoExecute"))
        .isTrue();

    Node ready = client.require(Node.class, null, "n1");
    ready.getStatus().getConditions().get(0).setStatus("True");
    client.updateStatus(ready);
    sync("n1");

    assertThat(client.require(Node.class, null, "n1").getSpec().getTaints()).isEmpty();
  }

  @Test
  void aCordonedNodeGetsTheUnschedulableTaintAndUsersTaintsAreKept() {
    Taint mine =
        new io.fabric8.kubernetes.api.model.TaintBuilder()
            .withKey("dedicated")
            .withValue("db")
            .withEffect("NoSchedule")
            .build();
    client.seed(node("n1", "True", true, List.of(mine)), lease("n1", NOW));

    sync("n1");

    assertThat(client.require(Node.class, null, "n1").getSpec().getTaints())
        .extracting(Taint::getKey)
        .containsExactly("dedicated", NodeTaints.UNSCHEDULABLE);
  }

  @Test
  void podsOnAnUnreachableNodeAreEvictedWhenTheirTolerationRunsOut() {
    Taint unreachable = NodeTaints.taint(NodeTaints.UNREACHABLE, "NoExecute", NOW.minusSeconds(10));
    Node node = node("n1", "Unknown", false, List.of(unreachable));
    client.seed(
        node,
        lease("n1", NOW.minusSeconds(100)),
        pod("intolerant", "n1", List.of()),
        pod("brief", "n1", List.of(toleration(5L))),
        pod("patient", "n1", List.of(toleration(300L))),
        pod("forever", "n1", List.of(toleration(null))),
        pod("elsewhere", "n2", List.of()));

    SyncResult result = sync("n1");

    assertThat(client.calls("delete", Pod.class))
        .extracting(FakeObjectClient.Call::name)
        .containsExactlyInAnyOrder("intolerant", "brief");
    assertThat(events.withReason("TaintManagerEviction")).hasSize(2);
    assertThat(result.requeueAfter()).isEqualTo(Duration.ofSeconds(290));
  }

  private SyncResult sync(String node) {
    return controller.sync(new ControllerKey(null, node), context);
  }

  private static Node node(String name, String ready, boolean cordoned, List<Taint> taints) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .withCreationTimestamp(CREATED)
        .endMetadata()
        .withNewSpec()
        .withUnschedulable(cordoned ? true : null)
        .withTaints(taints)
        .endSpec()
        .withNewStatus()
        .addNewCondition()
        .withType("Ready")
        .withStatus(ready)
        .withLastHeartbeatTime(CREATED)
        .endCondition()
        .endStatus()
        .build();
  }

  private static Lease lease(String node, Instant renewed) {
    return new LeaseBuilder()
        .withNewMetadata()
        .withNamespace("kube-node-lease")
        .withName(node)
        .endMetadata()
        .withNewSpec()
        .withHolderIdentity(node)
        .withRenewTime(renewed.atZone(ZoneOffset.UTC))
        .endSpec()
        .build();
  }

  private static Toleration toleration(Long seconds) {
    return new TolerationBuilder()
        .withKey(NodeTaints.UNREACHABLE)
        .withOperator("Exists")
        .withEffect("NoExecute")
        .withTolerationSeconds(seconds)
        .build();
  }

  private static Pod pod(String name, String node, List<Toleration> tolerations) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("default")
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withNodeName(node)
        .withTolerations(tolerations)
        .addNewContainer()
        .withName("c")
        .withImage("busybox")
        .endContainer()
        .endSpec()
        .build();
  }
}
