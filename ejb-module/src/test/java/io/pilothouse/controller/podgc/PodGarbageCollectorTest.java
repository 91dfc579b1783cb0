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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodGarbageCollectorTest {

  private static final Duration QUARANTINE = Duration.ofSeconds(40);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeObjectClient client = new FakeObjectClient(clock);
  private final ControllerContext context =
      new ControllerContext(client, new FakeEventRecorder(), clock);

  @Test
  void podsOnVanishedNodesGoAfterTheQuarantineAndUnboundTerminatingPodsAtOnce() {
    client.seed(
        node("here"),
        pod("on-here", "here", "Running", "2026-01-01T00:00:01Z", false),
        pod("on-gone", "gone", "Running", "2026-01-01T00:00:02Z", false),
        pod("unbound", null, "Pending", "2026-01-01T00:00:03Z", false),
        pod("unbound-terminating", null, "Pending", "2026-01-01T00:00:04Z", true));
    PodGarbageCollector gc = new PodGarbageCollector(100, QUARANTINE);

    SyncResult first = gc.sync(PodGarbageCollector.PASS, context);

    assertThat(names()).containsExactlyInAnyOrder("on-here", "on-gone", "unbound");
    assertThat(first).isEqualTo(SyncResult.after(PodGarbageCollector.PERIOD));

    clock.advance(QUARANTINE.minusSeconds(1));
    assertThat(gc.sync(PodGarbageCollector.PASS, context))
        .isEqualTo(SyncResult.after(Duration.ofSeconds(1)));
    assertThat(names()).contains("on-gone");

    clock.advance(Duration.ofSeconds(1));
    SyncResult last = gc.sync(PodGarbageCollector.PASS, context);

    assertThat(names()).containsExactlyInAnyOrder("on-here", "unbound");
    assertThat(last).isEqualTo(SyncResult.after(PodGarbageCollector.PERIOD));
  }

  @Test
  void aNodeThatAppearsDuringTheQuarantineKeepsItsPodsAndStartsAfreshIfItGoesAgain() {
    client.seed(pod("early", "late-node", "Pending", "2026-01-01T00:00:01Z", false));
    PodGarbageCollector gc = new PodGarbageCollector(100, QUARANTINE);
    gc.sync(PodGarbageCollector.PASS, context);

    clock.advance(QUARANTINE.minusSeconds(5));
    client.seed(node("late-node"));
    gc.sync(PodGarbageCollector.PASS, context);
    client.delete(Node.class, null, "late-node", null, null, 0L);
    clock.advance(Duration.ofSeconds(10));
    gc.sync(PodGarbageCollector.PASS, context);

    assertThat(names()).containsExactly("early");
  }

  @Test
  void aNodeTheListersHaveNotSeenYetIsConfirmedInTheStoreAndKeepsItsPods() {
    client.seed(node("new"), pod("on-new", "new", "Running", "2026-01-01T00:00:01Z", false));
    FakeObjectClient listers = new FakeObjectClient(clock);
    // the listers have the pod already, not yet its node
    listers.seed(pod("on-new", "new", "Running", "2026-01-01T00:00:01Z", false));
    ControllerContext lagging =
        new ControllerContext(client, new FakeEventRecorder(), clock, Runnable::run, listers);

    new PodGarbageCollector(100, QUARANTINE).sync(PodGarbageCollector.PASS, lagging);

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

    new PodGarbageCollector(1, QUARANTINE).sync(PodGarbageCollector.PASS, context);

    assertThat(client.all(Pod.class))
        .extracting(p -> p.getMetadata().getName())
        .containsExactlyInAnyOrder("new", "running");
  }

  private List<String> names() {
    return client.all(Pod.class).stream().map(p -> p.getMetadata().getName()).toList();
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
