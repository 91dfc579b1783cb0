package io.pilothouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilothouse.it.support.Fabric8Clients;
import io.pilothouse.it.support.SharedControlPlane;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The node lifecycle controller in the deployed control plane, with a Node and its Lease created
 * through the API as a kubelet would: once the Lease stops being renewed for the grace period (40
 * s), the node is {@code Ready=Unknown}, tainted {@code node.kubernetes.io/unreachable:NoExecute},
 * a {@code NodeNotReady} event is recorded, and its pods are evicted when their tolerationSeconds
 * run out (a pod tolerating forever stays). A cordoned node gets the unschedulable taint. Pods
 * bound to a node that is deleted are deleted by the pod garbage collector.
 */
@ExtendWith(SharedControlPlane.class)
class NodeLifecycleIT {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final String UNREACHABLE = "node.kubernetes.io/unreachable";

  private final KubernetesClient client;
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final String ns = "nodelc-" + id;
  private final Map<String, String> mine = Map.of("pilothouse.io/it", id);

  NodeLifecycleIT(ControlPlane api) {
    this.client = Fabric8Clients.connect(api.root());
  }

  @BeforeEach
  void createNamespace() {
    client.namespaces().resource(Fabric8Objects.namespace(ns)).create();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void aNodeWhoseLeaseStopsBeingRenewedGoesUnknownAndItsPodsAreEvicted() throws Exception {
    String name = "silent-" + id;
    TestNodes.create(client, name, mine, List.of());
    Lease lease = client.leases().inNamespace("kube-node-lease").resource(lease(name)).create();
    client
        .pods()
        .inNamespace(ns)
        .resource(TestNodes.pod("brief", mine, List.of(unreachable(3L))))
        .create();
    client
        .pods()
        .inNamespace(ns)
        .resource(TestNodes.pod("patient", mine, List.of(unreachable(null))))
        .create();
    await().atMost(WAIT).until(() -> boundTo("brief", name) && boundTo("patient", name));
    for (int i = 0; i < 2; i++) {
      Thread.sleep(1000);
      lease.getSpec().setRenewTime(ZonedDateTime.now());
      lease = client.leases().inNamespace("kube-node-lease").resource(lease).update();
    }

    await().atMost(WAIT).until(() -> readyStatus(name).equals("Unknown"));
    await().atMost(WAIT).until(() -> hasTaint(name, UNREACHABLE, "NoExecute"));
    await()
        .atMost(WAIT)
        .until(
            () ->
                client.v1().events().inNamespace("default").list().getItems().stream()
                    .anyMatch(
                        e ->
                            name.equals(e.getInvolvedObject().getName())
                                && "NodeNotReady".equals(e.getReason())));
    await().atMost(WAIT).until(() -> evicted("brief"));
    assertThat(evicted("patient")).isFalse();
  }

  @Test
  void aCordonedNodeGetsTheUnschedulableTaint() {
    String name = "cordoned-" + id;
    TestNodes.create(client, name, mine, List.of());

    client
        .nodes()
        .withName(name)
        .edit(
            n -> {
              n.getSpec().setUnschedulable(true);
              return n;
            });

    await()
        .atMost(WAIT)
        .until(() -> hasTaint(name, "node.kubernetes.io/unschedulable", "NoSchedule"));
  }

  @Test
  void podsBoundToADeletedNodeAreGarbageCollected() {
    String name = "deleted-" + id;
    TestNodes.create(client, name, mine, List.of());
    client.pods().inNamespace(ns).resource(TestNodes.pod("stranded", mine, List.of())).create();
    await().atMost(WAIT).until(() -> boundTo("stranded", name));

    client.nodes().withName(name).delete();

    await()
        .atMost(WAIT)
        .until(() -> client.pods().inNamespace(ns).withName("stranded").get() == null);
  }

  private static Lease lease(String node) {
    return new LeaseBuilder()
        .withNewMetadata()
        .withName(node)
        .endMetadata()
        .withNewSpec()
        .withHolderIdentity(node)
        .withLeaseDurationSeconds(40)
        .withRenewTime(ZonedDateTime.now())
        .endSpec()
        .build();
  }

  private static Toleration unreachable(Long seconds) {
    return new TolerationBuilder()
        .withKey(UNREACHABLE)
        .withOperator("Exists")
        .withEffect("NoExecute")
        .withTolerationSeconds(seconds)
        .build();
  }

  private boolean boundTo(String pod, String node) {
    Pod current = client.pods().inNamespace(ns).withName(pod).get();
    return current != null && node.equals(current.getSpec().getNodeName());
  }

  private boolean evicted(String pod) {
    Pod current = client.pods().inNamespace(ns).withName(pod).get();
    return current == null || current.getMetadata().getDeletionTimestamp() != null;
  }

  private String readyStatus(String node) {
    Node current = client.nodes().withName(node).get();
    return current.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .map(NodeCondition::getStatus)
        .findFirst()
        .orElse("");
  }

  private boolean hasTaint(String node, String key, String effect) {
    List<Taint> taints = client.nodes().withName(node).get().getSpec().getTaints();
    return taints != null
        && taints.stream().anyMatch(t -> key.equals(t.getKey()) && effect.equals(t.getEffect()));
  }
}
