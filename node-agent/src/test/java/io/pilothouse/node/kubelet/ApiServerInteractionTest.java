package io.pilothouse.node.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.pilothouse.node.testing.MutableClock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Registration, Lease, node status and pod status writes against fabric8's CRUD mock API server.
 */
@EnableKubernetesMockClient(crud = true)
class ApiServerInteractionTest {

  KubernetesClient client;
  MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  static NodeConfig config() {
    return new NodeConfig(
        "node-a",
        "127.0.0.2",
        10251,
        "127.200.1.0/24",
        "4",
        "8Gi",
        "100Gi",
        110,
        "process",
        "0.1.0",
        false,
        Map.of("pilothouse.io/pool", "blue"),
        List.of(new Taint("NoSchedule", "pilothouse.io/test", null, "yes")));
  }

  private Kubelet kubelet() {
    return new Kubelet(
        client, config(), null, clock, scheduler, () -> NodeConditions.Pressure.NONE);
  }

  @Test
  void registersTheNodeWithEverythingTheSchedulerAndApiServerNeed() {
    kubelet().register();
    Node node = client.nodes().withName("node-a").get();
    assertThat(node.getMetadata().getLabels())
        .containsEntry("kubernetes.io/hostname", "node-a")
        .containsEntry("kubernetes.io/os", "linux")
        .containsKey("kubernetes.io/arch")
        .containsEntry("pilothouse.io/pool", "blue");
    assertThat(node.getSpec().getTaints())
        .extracting(t -> t.getKey() + "=" + t.getValue() + ":" + t.getEffect())
        .containsExactly("pilothouse.io/test=yes:NoSchedule");
    assertThat(node.getSpec().getPodCIDR()).isEqualTo("127.200.1.0/24");
    var status = node.getStatus();
    assertThat(status.getCapacity()).containsKeys("cpu", "memory", "pods", "ephemeral-storage");
    assertThat(status.getAllocatable().get("pods").getAmount()).isEqualTo("110");
    assertThat(status.getNodeInfo().getKubeletVersion()).isEqualTo("v1.32.0-pilothouse");
    assertThat(status.getNodeInfo().getContainerRuntimeVersion()).isEqualTo("process://0.1.0");
    assertThat(status.getNodeInfo().getOperatingSystem()).isEqualTo("linux");
    assertThat(status.getNodeInfo().getKernelVersion()).isNotBlank();
    assertThat(status.getAddresses())
        .extracting(a -> a.getType() + "=" + a.getAddress())
        .containsExactly("InternalIP=127.0.0.2", "Hostname=node-a");
    assertThat(status.getDaemonEndpoints().getKubeletEndpoint().getPort()).isEqualTo(10251);
    assertThat(status.getConditions())
        .extracting(NodeCondition::getType)
        .containsExactlyInAnyOrder("Ready", "MemoryPressure", "DiskPressure", "PIDPressure");
    assertThat(status.getConditions())
        .filteredOn(c -> c.getType().equals("Ready"))
        .first()
        .satisfies(
            c -> {
              assertThat(c.getStatus()).isEqualTo("True");
              assertThat(c.getReason()).isEqualTo("KubeletReady");
              assertThat(c.getLastHeartbeatTime()).isEqualTo("2026-01-01T00:00:00Z");
            });

    kubelet().register();
    assertThat(client.nodes().list().getItems()).hasSize(1);
  }

  @Test
  void renewsItsLeaseOwnedByTheNode() {
    Node node = kubelet().register();
    Lease lease = client.leases().inNamespace("kube-node-lease").withName("node-a").get();
    assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("node-a");
    assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(40);
    assertThat(lease.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getKind()).isEqualTo("Node");
              assertThat(o.getUid()).isEqualTo(node.getMetadata().getUid());
            });
    NodeLeaseRenewer renewer = new NodeLeaseRenewer(client, "node-a", clock, () -> node);
    clock.advanceSeconds(10);
    assertThat(renewer.renew()).isTrue();
    Lease renewed = client.leases().inNamespace("kube-node-lease").withName("node-a").get();
    assertThat(renewed.getSpec().getRenewTime().toInstant()).isEqualTo(clock.instant());
    client.leases().inNamespace("kube-node-lease").withName("node-a").delete();
    clock.advanceSeconds(10);
    assertThat(renewer.renew()).isTrue();
    assertThat(
            client
                .leases()
                .inNamespace("kube-node-lease")
                .withName("node-a")
                .get()
                .getSpec()
                .getRenewTime()
                .toInstant())
        .isEqualTo(clock.instant());
  }

  @Test
  void postsNodeStatusOnChangeAndAtLeastEveryMinute() {
    NodeConfig c = config();
    NodeRegistrar registrar = new NodeRegistrar(client, c);
    Node node = registrar.register();
    NodeConditions.Pressure[] pressure = {NodeConditions.Pressure.NONE};
    NodeStatusReporter reporter =
        new NodeStatusReporter(client, c, registrar, clock, () -> pressure[0], node);
    assertThat(reporter.tick()).isTrue();
    clock.advanceSeconds(10);
    assertThat(reporter.tick()).isFalse();
    pressure[0] = new NodeConditions.Pressure(true, false, false);
    assertThat(reporter.tick()).isTrue();
    NodeCondition memory =
        client.nodes().withName("node-a").get().getStatus().getConditions().stream()
            .filter(x -> x.getType().equals("MemoryPressure"))
            .findFirst()
            .orElseThrow();
    assertThat(memory.getStatus()).isEqualTo("True");
    assertThat(memory.getLastTransitionTime()).isEqualTo("2026-01-01T00:00:10Z");
    clock.advanceSeconds(50);
    assertThat(reporter.tick()).isFalse();
    clock.advanceSeconds(10);
    assertThat(reporter.tick()).isTrue();
    client.nodes().withName("node-a").delete();
    clock.advanceSeconds(60);
    assertThat(reporter.tick()).isTrue();
    assertThat(client.nodes().withName("node-a").get()).isNotNull();
  }

  @Test
  void writesPodStatusThroughTheStatusSubresourceRetryingConflicts() {
    Pod pod =
        client
            .pods()
            .inNamespace("default")
            .resource(
                new PodBuilder()
                    .withNewMetadata()
                    .withName("web")
                    .withNamespace("default")
                    .endMetadata()
                    .withNewSpec()
                    .withNodeName("node-a")
                    .addNewContainer()
                    .withName("app")
                    .withImage("busybox")
                    .endContainer()
                    .endSpec()
                    .build())
            .create();
    client
        .pods()
        .inNamespace("default")
        .withName("web")
        .edit(
            p ->
                new PodBuilder(p)
                    .editMetadata()
                    .addToLabels("touched", "yes")
                    .endMetadata()
                    .build());
    ApiServerKubeletApi api = new ApiServerKubeletApi(client, null, "node-a");
    Optional<Pod> stored =
        api.updatePodStatus(
            pod, new PodStatusBuilder().withPhase("Running").withPodIP("127.200.1.2").build());
    assertThat(stored).isPresent();
    Pod now = client.pods().inNamespace("default").withName("web").get();
    assertThat(now.getStatus().getPhase()).isEqualTo("Running");
    assertThat(now.getStatus().getPodIP()).isEqualTo("127.200.1.2");
    assertThat(now.getMetadata().getLabels()).containsEntry("touched", "yes");

    assertThat(api.finishPodDeletion(now)).isTrue();
    assertThat(client.pods().inNamespace("default").withName("web").get()).isNull();
    assertThat(api.updatePodStatus(now, new PodStatusBuilder().withPhase("Failed").build()))
        .isEmpty();
  }
}
