package io.pilothouse.controller.testing;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.time.Instant;
import java.util.Map;

/** The Service and backing pods the Endpoints and EndpointSlice controller tests start from. */
public final class Services {

  public static final Map<String, String> WEB = Map.of("app", "web");

  private Services() {}

  /** Service {@code web} selecting app=web, port 80 named http to the target port named web. */
  public static Service web(FakeObjectClient client) {
    return client.create(
        new ServiceBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName("web")
            .withLabels(Map.of("tier", "front"))
            .endMetadata()
            .withNewSpec()
            .withSelector(WEB)
            .withPorts(
                new ServicePortBuilder()
                    .withName("http")
                    .withPort(80)
                    .withProtocol("TCP")
                    .withTargetPort(new IntOrString("web"))
                    .build())
            .endSpec()
            .build());
  }

  /** A bound pod with an IP whose container port 8080 is named {@code web}. */
  public static Pod backend(FakeObjectClient client, String name, String ip, boolean ready) {
    Pod pod =
        Workloads.pod(
            "ns", name, WEB, "n1", "Running", ready ? Instant.parse("2026-01-01T00:00:00Z") : null);
    pod.getSpec()
        .setContainers(
            java.util.List.of(
                new ContainerBuilder()
                    .withName("c")
                    .withImage("i")
                    .addNewPort()
                    .withName("web")
                    .withContainerPort(8080)
                    .withProtocol("TCP")
                    .endPort()
                    .build()));
    pod.getStatus().setPodIP(ip);
    return client.create(pod);
  }
}
