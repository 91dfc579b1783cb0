package io.pilothouse.controller.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.pilothouse.changefeed.ChangeType;
import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.testing.FakeEventRecorder;
import io.pilothouse.controller.testing.FakeObjectClient;
import io.pilothouse.controller.testing.MutableClock;
import io.pilothouse.controller.testing.Services;
import io.pilothouse.controller.testing.Workloads;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Endpoints controller's sync on the in-memory fake. */
class EndpointsControllerTest {

  private static final ControllerKey KEY = new ControllerKey("ns", "web");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeObjectClient client = new FakeObjectClient(clock);
  private final ControllerContext context =
      Workloads.context(client, new FakeEventRecorder(), clock);
  private final EndpointsController controller = new EndpointsController();

  @Test
  void readyAndNotReadyPodsWithNamedTargetPortsResolved() {
    Service service = Services.web(client);
    Services.backend(client, "b", "127.1.0.2", false);
    Pod ready = Services.backend(client, "a", "127.1.0.1", true);
    Services.backend(client, "noip", null, true);
    controller.sync(KEY, context);
    Endpoints ep = client.require(Endpoints.class, "ns", "web");
    assertThat(ep.getMetadata().getLabels()).containsEntry("tier", "front");
    EndpointSubset subset = ep.getSubsets().get(0);
    assertThat(ep.getSubsets()).hasSize(1);
    assertThat(subset.getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getName()).isEqualTo("http");
              assertThat(p.getPort()).isEqualTo(8080);
              assertThat(p.getProtocol()).isEqualTo("TCP");
            });
    EndpointAddress address = subset.getAddresses().get(0);
    assertThat(subset.getAddresses()).hasSize(1);
    assertThat(address.getIp()).isEqualTo("127.1.0.1");
    assertThat(address.getNodeName()).isEqualTo("n1");
    assertThat(address.getTargetRef().getName()).isEqualTo("a");
    assertThat(address.getTargetRef().getUid()).isEqualTo(ready.getMetadata().getUid());
    assertThat(subset.getNotReadyAddresses())
        .extracting(EndpointAddress::getIp)
        .containsExactly("127.1.0.2");
    assertThat(service).isNotNull();
  }

  @Test
  void followsReadinessAndIsIdempotent() {
    Services.web(client);
    Pod pod = Services.backend(client, "a", "127.1.0.1", false);
    controller.sync(KEY, context);
    assertThat(
            controller.keysFor(
                new StoreChange("", "pods", "ns", "a", 5, ChangeType.MODIFIED), client))
        .containsExactly(KEY);
    Workloads.markReady(client, pod, clock.instant());
    Pod ready = client.require(Pod.class, "ns", "a");
    ready.getStatus().setPodIP("127.1.0.1");
    client.updateStatus(ready);
    controller.sync(KEY, context);
    assertThat(client.require(Endpoints.class, "ns", "web").getSubsets().get(0).getAddresses())
        .hasSize(1);
    client.clearCalls();
    controller.sync(KEY, context);
    assertThat(client.writes()).isEmpty();
  }

  @Test
  void endpointsGoWithTheirService() {
    Services.web(client);
    controller.sync(KEY, context);
    assertThat(client.get(Endpoints.class, "ns", "web")).isPresent();
    client.delete(Service.class, "ns", "web", null, null, null);
    controller.sync(KEY, context);
    assertThat(client.get(Endpoints.class, "ns", "web")).isEmpty();
  }
}
