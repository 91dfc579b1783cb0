package io.pilothouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilothouse.it.support.Fabric8Clients;
import io.pilothouse.it.support.SharedControlPlane;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * kube-scheduler inside the deployed control plane, fed by the change feed: pods created through
 * the API are bound to a fitting Node (created through the API too) with a {@code Scheduled} event;
 * pods no node fits stay Pending with {@code PodScheduled=False Unschedulable} and upstream's
 * message, and are bound once a node is changed to fit.
 */
@ExtendWith(SharedControlPlane.class)
class SchedulerIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private final KubernetesClient client;
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final String ns = "sched-" + id;
  private final Map<String, String> mine = Map.of("pilothouse.io/it", id);

  SchedulerIT(ControlPlane api) {
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
  void aPodIsBoundToAFittingNodeWithAScheduledEvent() {
    TestNodes.create(client, "fit-" + id, mine, List.of());

    client.pods().inNamespace(ns).resource(TestNodes.pod("web", mine, List.of())).create();

    Pod bound = awaitBound("web");
    assertThat(bound.getSpec().getNodeName()).isEqualTo("fit-" + id);
    await().atMost(WAIT).until(() -> event("web", "Scheduled").isPresent());
    assertThat(event("web", "Scheduled").orElseThrow().getMessage())
        .isEqualTo("Successfully assigned " + ns + "/web to fit-" + id);
  }

  @Test
  void aNodeSelectorNobodyMatchesLeavesThePodPendingUntilANodeIsLabelled() {
    TestNodes.create(client, "plain-" + id, mine, List.of());
    Map<String, String> selector = Map.of("pilothouse.io/it", id, "disk", "ssd-" + id);

    client.pods().inNamespace(ns).resource(TestNodes.pod("picky", selector, List.of())).create();

    PodCondition scheduled = awaitUnschedulable("picky");
    assertThat(scheduled.getMessage())
        .matches("0/\\d+ nodes are available: .*")
        .contains("node(s) didn't match Pod's node affinity/selector");
    assertThat(client.pods().inNamespace(ns).withName("picky").get().getStatus().getPhase())
        .isEqualTo("Pending");
    await().atMost(WAIT).until(() -> event("picky", "FailedScheduling").isPresent());

    client
        .nodes()
        .withName("plain-" + id)
        .edit(
            n -> {
              n.getMetadata().getLabels().put("disk", "ssd-" + id);
              return n;
            });

    assertThat(awaitBound("picky").getSpec().getNodeName()).isEqualTo("plain-" + id);
  }

  @Test
  void aTaintIsAvoidedThenTolerated() {
    TestNodes.create(
        client, "tainted-" + id, mine, List.of(TestNodes.taint("dedicated", "db", "NoSchedule")));

    client.pods().inNamespace(ns).resource(TestNodes.pod("plain", mine, List.of())).create();
    client
        .pods()
        .inNamespace(ns)
        .resource(
            TestNodes.pod(
                "tolerant", mine, List.of(TestNodes.toleration("dedicated", "db", "NoSchedule"))))
        .create();

    assertThat(awaitBound("tolerant").getSpec().getNodeName()).isEqualTo("tainted-" + id);
    assertThat(awaitUnschedulable("plain").getMessage())
        .contains("untolerated taint {dedicated: db}");
    assertThat(client.pods().inNamespace(ns).withName("plain").get().getSpec().getNodeName())
        .isNull();
  }

  private Pod awaitBound(String name) {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              Pod pod = client.pods().inNamespace(ns).withName(name).get();
              return pod != null && pod.getSpec().getNodeName() != null;
            });
    return client.pods().inNamespace(ns).withName(name).get();
  }

  private PodCondition awaitUnschedulable(String name) {
    await().atMost(WAIT).until(() -> podScheduled(name).isPresent());
    PodCondition condition = podScheduled(name).orElseThrow();
    assertThat(condition.getStatus()).isEqualTo("False");
    assertThat(condition.getReason()).isEqualTo("Unschedulable");
    return condition;
  }

  private Optional<PodCondition> podScheduled(String name) {
    Pod pod = client.pods().inNamespace(ns).withName(name).get();
    if (pod == null || pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream()
        .filter(c -> "PodScheduled".equals(c.getType()) && "Unschedulable".equals(c.getReason()))
        .findFirst();
  }

  private Optional<Event> event(String pod, String reason) {
    return client.v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> pod.equals(e.getInvolvedObject().getName()) && reason.equals(e.getReason()))
        .findFirst();
  }
}
