package io.pilothouse.controller.podgc;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.SyncResult;
import io.pilothouse.controller.testing.FakeEventRecorder;
import io.pilothouse.controller.testing.FakeObjectClient;
import io.pilothouse.controller.testing.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PodGarbageCollectorTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeObjectClient client = new FakeObjectClient(clock);
  private final ControllerContext context =
      new ControllerContext(client, new FakeEventRecorder(), clock);

  @Test
  void podsOnVanishedNodesAndUnboundTerminatingPodsAreDeletedAtOnce() {
    client.seed(
        node("here"),
        pod("on-here", "here", "Running", "2026-01-01T00:00:01Z", false),
        pod("on-gone", "gone", "Running", "2026-01-01T00:00:02Z", false),
        pod("unbound", null, "Pending", "2026-01-01T00:00:03Z", false),
        pod("unbound-terminating", null, "Pending", "2026-01-01T00:00:04Z", true));

    SyncResult result = new PodGarbageCollector(100).sync(PodGarbageCollector.PASS, context);

    assertThat(client.all(Pod.class))
        .extracting(p -> p.getMetadata().getName())
        .containsExactlyInAnyOrder("on-here", "unbound");
    assertThat(result).isEqualTo(SyncResult.after(PodGarbageCollector.PERIOD));
  }

  @Test
  void aNodeTheListersHaveNotSeenYetIsConfirmedInTheStoreAndKeepsItsPods() {
    client.seed(node("new"), pod("on-new", "new", "Running", "2026-01-01T00:00:01Z", false));
    FakeObjectClient listers = new FakeObjectClient(clock);
    // the listers have the pod already, not yet its node
    listers.seed(pod("on-new", "new", "Running", "2026-01-01T00:00:01Z", false));
    ControllerContext lagging =
        new ControllerContext(client, new FakeEventRecorder(), clock, Runnable::run, listers);

    new PodGarbageCollector(100).sync(PodGarbageCollector.PASS, lagging);

    assertThat(client.all(Pod.class)).extracting(p -> p.getMetadata().getName()).contains("on-new");
    assertThat(client.calls("get", Node.class)).hasSize(1);
  }

  @Test
  void terminatedPodsOverTheThresholdGoOldestFirst() {
    client.seed(
        node("here"),
        pod("old", "here", "Succeeded", "2026-01-01T00:00:01Z", false),
        pod("middle", "here", "Failed", "2026-01-01T00:00:02Z", false),
        pod("new", "here", "Succeeded", "2026-01-01T00:00:03Z", false),
        pod("running", "here", "Running", "2026-01-01T00:00:00Z", false));

    new PodGarbageCollector(1).sync(PodGarbageCollector.PASS, context);

    assertThat(client.all(Pod.class))
        .extracting(p -> p.getMetadata().getName())
        .containsExactlyInAnyOrder("new", "running");
  }

  private static Node node(String name) {
    return new NodeBuilder().withNewMetadata().withName(name).endMetadata().build();
  }

  private static Pod pod(
      String name, String node, String phase, String created, boolean terminating) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("default")
        .withName(name)
        .withCreationTimestamp(created)
        .withDeletionTimestamp(terminating ? "2026-01-01T00:00:00Z" : null)
        .withDeletionGracePeriodSeconds(terminating ? 30L : null)
        .endMetadata()
        .withNewSpec()
        .withNodeName(node)
        .addNewContainer()
        .withName("c")
        .withImage("busybox")
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase(phase)
        .endStatus()
        .build();
  }
}
