package io.pilothouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilothouse.it.support.Fabric8Clients;
import io.pilothouse.it.support.SharedControlPlane;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The workload controllers inside the deployed control plane, on a test node created through the
 * API whose kubelet a {@link StandInKubelet} plays: Deployments reach their bound, ready pods and
 * roll out within maxSurge and maxUnavailable; deletes cascade in background and foreground or
 * orphan; Jobs complete and fail as their pods (finished through {@code pods/status}) say.
 */
@ExtendWith(SharedControlPlane.class)
class WorkloadControllersIT {

  private static final Duration WAIT = Duration.ofSeconds(90);

  private final KubernetesClient client;
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final String ns = "work-" + id;
  private final String node = "wnode-" + id;
  private final Map<String, String> mine = Map.of("pilothouse.io/it", id);
  private StandInKubelet kubelet;

  WorkloadControllersIT(ControlPlane api) {
    this.client = Fabric8Clients.connect(api.root());
  }

  @BeforeEach
  void createNamespaceAndNode() {
    client.namespaces().resource(Fabric8Objects.namespace(ns)).create();
    TestNodes.create(client, node, mine, List.of());
    kubelet = new StandInKubelet(client, 20 + Math.abs(id.hashCode() % 200), node);
  }

  @AfterEach
  void stop() throws InterruptedException {
    kubelet.close();
    client.close();
  }

  @Test
  void aDeploymentOfThreeReachesThreeBoundReadyPods() {
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(WorkloadObjects.deployment("web", 3, mine, 1, 0))
        .create();

    await().atMost(WAIT).until(() -> available("web") == 3);
    List<Pod> pods = pods("web");
    assertThat(pods)
        .hasSize(3)
        .allSatisfy(
            p -> {
              assertThat(p.getSpec().getNodeName()).isEqualTo(node);
              assertThat(p.getMetadata().getOwnerReferences().get(0).getKind())
                  .isEqualTo("ReplicaSet");
            });
    ReplicaSet rs = replicaSets("web").get(0);
    assertThat(rs.getMetadata().getName())
        .isEqualTo("web-" + rs.getMetadata().getLabels().get("pod-template-hash"));
    assertThat(rs.getMetadata().getAnnotations())
        .containsEntry("deployment.kubernetes.io/revision", "1");
    Deployment d = client.apps().deployments().inNamespace(ns).withName("web").get();
    assertThat(d.getStatus().getConditions())
        .extracting(c -> c.getType() + "=" + c.getStatus())
        .contains("Available=True", "Progressing=True");
  }

  @Test
  void aRollingUpdateNeverExceedsMaxSurgeNorMaxUnavailable() {
    int replicas = 4;
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(WorkloadObjects.deployment("roll", replicas, mine, 1, 1))
        .create();
    await().atMost(WAIT).until(() -> available("roll") == replicas);

    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("roll")
        .edit(
            d -> {
              d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:1.28");
              return d;
            });
    List<String> violations = new ArrayList<>();
    int[] steps = {0};
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              List<ReplicaSet> sets = replicaSets("roll");
              int specSum = sets.stream().mapToInt(rs -> rs.getSpec().getReplicas()).sum();
              long ready =
                  pods("roll").stream()
                      .filter(p -> p.getMetadata().getDeletionTimestamp() == null && isReady(p))
                      .count();
              if (specSum > replicas + 1) {
                violations.add("replicas wanted " + specSum);
              }
              if (ready < replicas - 1) {
                violations.add("ready pods " + ready);
              }
              steps[0]++;
              Deployment d = client.apps().deployments().inNamespace(ns).withName("roll").get();
              return sets.size() == 2
                  && d.getStatus() != null
                  && d.getStatus().getObservedGeneration() >= d.getMetadata().getGeneration()
                  && value(d.getStatus().getUpdatedReplicas()) == replicas
                  && value(d.getStatus().getReplicas()) == replicas
                  && value(d.getStatus().getAvailableReplicas()) == replicas;
            });
    assertThat(violations).as("over %d observations", steps[0]).isEmpty();
    // as upstream, the rollout is complete while old pods may still be terminating
    assertThat(pods("roll").stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null))
        .hasSize(replicas)
        .allSatisfy(
            p -> assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.28"));
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace(ns)
                .withName("roll")
                .get()
                .getMetadata()
                .getAnnotations())
        .containsEntry("deployment.kubernetes.io/revision", "2");
  }

  @Test
  void backgroundAndForegroundDeletesCascadeToPods() {
    for (String name : List.of("bg", "fg")) {
      client
          .apps()
          .deployments()
          .inNamespace(ns)
          .resource(WorkloadObjects.deployment(name, 2, mine, 1, 0))
          .create();
    }
    await().atMost(WAIT).until(() -> pods("bg").size() == 2 && pods("fg").size() == 2);

    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("bg")
        .withPropagationPolicy(DeletionPropagation.BACKGROUND)
        .delete();
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("fg")
        .withPropagationPolicy(DeletionPropagation.FOREGROUND)
        .delete();

    Deployment waiting = client.apps().deployments().inNamespace(ns).withName("fg").get();
    if (waiting != null) {
      assertThat(waiting.getMetadata().getFinalizers()).contains("foregroundDeletion");
    }
    await().atMost(WAIT).until(() -> pods("bg").isEmpty() && replicaSets("bg").isEmpty());
    await()
        .atMost(WAIT)
        .until(
            () ->
                pods("fg").isEmpty()
                    && replicaSets("fg").isEmpty()
                    && client.apps().deployments().inNamespace(ns).withName("fg").get() == null);
  }

  @Test
  void anOrphanDeleteLeavesThePodsWithoutOwners() {
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(WorkloadObjects.deployment("orph", 2, mine, 1, 0))
        .create();
    await().atMost(WAIT).until(() -> pods("orph").size() == 2);

    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("orph")
        .withPropagationPolicy(DeletionPropagation.ORPHAN)
        .delete();

    await()
        .atMost(WAIT)
        .until(() -> client.apps().deployments().inNamespace(ns).withName("orph").get() == null);
    await()
        .atMost(WAIT)
        .until(
            () ->
                replicaSets("orph").size() == 1
                    && replicaSets("orph").get(0).getMetadata().getOwnerReferences().isEmpty());
    assertThat(pods("orph")).hasSize(2);
  }

  @Test
  void aJobRunsToCompletion() {
    client
        .batch()
        .v1()
        .jobs()
        .inNamespace(ns)
        .resource(WorkloadObjects.job("done", mine, 2, 1))
        .create();
    for (int i = 0; i < 2; i++) {
      finishNextPod("done", "Succeeded");
    }
    await().atMost(WAIT).until(() -> condition("done", "Complete"));
    Job job = client.batch().v1().jobs().inNamespace(ns).withName("done").get();
    assertThat(job.getStatus().getSucceeded()).isEqualTo(2);
    assertThat(job.getStatus().getCompletionTime()).isNotNull();
    assertThat(job.getStatus().getConditions())
        .extracting(JobCondition::getType)
        .contains("SuccessCriteriaMet", "Complete");
  }

  @Test
  void aJobFailsPastItsBackoffLimit() {
    client
        .batch()
        .v1()
        .jobs()
        .inNamespace(ns)
        .resource(WorkloadObjects.job("fail", mine, 1, 1))
        .create();
    for (int i = 0; i < 2; i++) {
      finishNextPod("fail", "Failed");
    }
    await().atMost(WAIT).until(() -> condition("fail", "Failed"));
    Job job = client.batch().v1().jobs().inNamespace(ns).withName("fail").get();
    assertThat(job.getStatus().getFailed()).isEqualTo(2);
    assertThat(job.getStatus().getConditions())
        .filteredOn(c -> c.getType().equals("Failed"))
        .singleElement()
        .extracting(JobCondition::getReason)
        .isEqualTo("BackoffLimitExceeded");
  }

  /** Waits for a running pod of the Job and finishes it as its kubelet would report. */
  private void finishNextPod(String job, String phase) {
    await().atMost(WAIT).until(() -> pods(job).stream().anyMatch(this::running));
    Pod pod = pods(job).stream().filter(this::running).findFirst().orElseThrow();
    pod.getStatus().setPhase(phase);
    pod.getStatus().setConditions(List.of());
    client.pods().inNamespace(ns).resource(pod).updateStatus();
  }

  private boolean running(Pod p) {
    return p.getStatus() != null
        && "Running".equals(p.getStatus().getPhase())
        && p.getMetadata().getDeletionTimestamp() == null;
  }

  private boolean condition(String job, String type) {
    Job j = client.batch().v1().jobs().inNamespace(ns).withName(job).get();
    return j.getStatus() != null
        && j.getStatus().getConditions() != null
        && j.getStatus().getConditions().stream()
            .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private int available(String deployment) {
    Deployment d = client.apps().deployments().inNamespace(ns).withName(deployment).get();
    return d == null || d.getStatus() == null ? 0 : value(d.getStatus().getAvailableReplicas());
  }

  private List<Pod> pods(String app) {
    return client.pods().inNamespace(ns).withLabel("app", app).list().getItems();
  }

  private List<ReplicaSet> replicaSets(String app) {
    return client.apps().replicaSets().inNamespace(ns).withLabel("app", app).list().getItems();
  }

  private static boolean isReady(Pod p) {
    return p.getStatus() != null
        && p.getStatus().getConditions() != null
        && p.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static int value(Integer v) {
    return v == null ? 0 : v;
  }
}
