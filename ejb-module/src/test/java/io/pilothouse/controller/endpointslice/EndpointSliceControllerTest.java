package io.pilothouse.controller.endpointslice;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.testing.FakeEventRecorder;
import io.pilothouse.controller.testing.FakeObjectClient;
import io.pilothouse.controller.testing.MutableClock;
import io.pilothouse.controller.testing.Services;
import io.pilothouse.controller.testing.Workloads;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The EndpointSlice controller's sync on the in-memory fake. */
class EndpointSliceControllerTest {

  private static final ControllerKey KEY = new ControllerKey("ns", "web");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeObjectClient client = new FakeObjectClient(clock);
  private final ControllerContext context =
      Workloads.context(client, new FakeEventRecorder(), clock);
  private final EndpointSliceController controller = new EndpointSliceController();

  @Test
  void oneSliceOwnedByTheServiceWithConditionsAndPorts() {
    Service service = Services.web(client);
    Services.backend(client, "a", "127.1.0.1", true);
    Services.backend(client, "b", "127.1.0.2", false);
    Pod leaving = Services.backend(client, "c", "127.1.0.3", true);
    client.delete(Pod.class, "ns", leaving.getMetadata().getName(), null, null, null);
    controller.sync(KEY, context);
    EndpointSlice slice = client.all(EndpointSlice.class).get(0);
    assertThat(client.all(EndpointSlice.class)).hasSize(1);
    assertThat(slice.getMetadata().getName()).startsWith("web-");
    assertThat(slice.getMetadata().getLabels())
        .containsEntry("kubernetes.io/service-name", "web")
        .containsEntry("endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io")
        .containsEntry("tier", "front");
    assertThat(slice.getMetadata().getOwnerReferences().get(0).getUid())
        .isEqualTo(service.getMetadata().getUid());
    assertThat(slice.getAddressType()).isEqualTo("IPv4");
    assertThat(slice.getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getName()).isEqualTo("http");
              assertThat(p.getPort()).isEqualTo(8080);
            });
    assertThat(slice.getEndpoints())
        .extracting(
            e ->
                e.getAddresses().get(0)
                    + " "
                    + e.getConditions().getReady()
                    + " "
                    + e.getConditions().getServing()
                    + " "
                    + e.getConditions().getTerminating())
        .containsExactly(
            "127.1.0.1 true true false",
            "127.1.0.2 false false false",
            "127.1.0.3 false true true");
    Endpoint first = slice.getEndpoints().get(0);
    assertThat(first.getNodeName()).isEqualTo("n1");
    assertThat(first.getTargetRef().getName()).isEqualTo("a");
    client.clearCalls();
    controller.sync(KEY, context);
    assertThat(client.writes()).isEmpty();
  }

  @Test
  void aPlaceholderWhenNoPodBacksTheServiceAndChunksOfAHundred() {
    Services.web(client);
    controller.sync(KEY, context);
    assertThat(client.all(EndpointSlice.class))
        .singleElement()
        .satisfies(s -> assertThat(s.getEndpoints()).isNullOrEmpty());
    for (int i = 0; i < 150; i++) {
      Services.backend(client, "p" + i, "127.2." + (i / 200) + "." + (i % 200 + 1), true);
    }
    controller.sync(KEY, context);
    assertThat(client.all(EndpointSlice.class))
        .extracting(s -> s.getEndpoints().size())
        .containsExactlyInAnyOrder(100, 50);
    client
        .all(Pod.class)
        .forEach(p -> client.delete(Pod.class, "ns", p.getMetadata().getName(), null, null, 0L));
    controller.sync(KEY, context);
    assertThat(client.all(EndpointSlice.class)).hasSize(1);
  }
}
