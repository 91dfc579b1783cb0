package io.pilothouse.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.pilothouse.controller.testing.FakeObjectClient;
import io.pilothouse.controller.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegistryEventRecorderTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeObjectClient client = new FakeObjectClient(clock);
  private final RegistryEventRecorder recorder = new RegistryEventRecorder(client, clock);
  private final Node node =
      new NodeBuilder().withNewMetadata().withName("n1").withUid("u1").endMetadata().build();

  @Test
  void anEventNamesItsObjectSourceAndTimes() {
    recorder.normal(node, "node-controller", "NodeNotReady", "Node n1 status is now: NodeNotReady");

    Event event = client.all(Event.class).get(0);
    assertThat(event.getMetadata().getNamespace()).isEqualTo("default");
    assertThat(event.getMetadata().getName()).startsWith("n1.");
    assertThat(event.getInvolvedObject().getKind()).isEqualTo("Node");
    assertThat(event.getInvolvedObject().getUid()).isEqualTo("u1");
    assertThat(event.getSource().getComponent()).isEqualTo("node-controller");
    assertThat(event.getType()).isEqualTo("Normal");
    assertThat(event.getCount()).isEqualTo(1);
    assertThat(event.getFirstTimestamp()).isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void anIdenticalEventRaisesTheCountOfTheFirst() {
    recorder.warning(node, "c", "Failed", "same");
    clock.advance(Duration.ofSeconds(5));
    recorder.warning(node, "c", "Failed", "same");
    recorder.warning(node, "c", "Failed", "different");

    assertThat(client.all(Event.class))
        .extracting(Event::getMessage, Event::getCount, Event::getLastTimestamp)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("same", 2, "2026-01-01T00:00:05Z"),
            org.assertj.core.groups.Tuple.tuple("different", 1, "2026-01-01T00:00:05Z"));
  }

  @Test
  void eventsAboutOneObjectFromOneSourceStopAtUpstreamsSpamLimit() {
    for (int i = 0; i < 40; i++) {
      recorder.normal(node, "c", "Created", "created pod " + i);
    }

    assertThat(client.all(Event.class)).hasSize(EventSpamFilter.BURST);
  }
}
