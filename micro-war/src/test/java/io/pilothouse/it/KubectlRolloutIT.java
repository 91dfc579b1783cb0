package io.pilothouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilothouse.it.support.Fabric8Clients;
import io.pilothouse.it.support.Kubectl;
import io.pilothouse.it.support.Kubectl.Result;
import io.pilothouse.it.support.SharedControlPlane;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * kubectl 1.32 against the Deployment controller: {@code rollout status} waits for a rollout and
 * reports it done, {@code rollout history} lists revisions, {@code rollout undo} (client-side:
 * kubectl copies the previous ReplicaSet's template back) rolls back, {@code rollout restart}
 * starts a new revision, and {@code scale} changes the number of pods; a {@link StandInKubelet}
 * makes the pods ready on a test node.
 */
@ExtendWith(SharedControlPlane.class)
class KubectlRolloutIT {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String IMAGE = "jsonpath={.spec.template.spec.containers[0].image}";

  private final Kubectl kubectl;
  private final KubernetesClient client;
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final String ns = "rollout-" + id;
  private final String node = "rnode-" + id;
  private final Map<String, String> mine = Map.of("pilothouse.io/it", id);
  private StandInKubelet kubelet;

  KubectlRolloutIT(ControlPlane api) {
    Path build = Path.of(System.getProperty("pilothouse.build.dir", "target"));
    this.kubectl = Kubectl.forServer(api.root(), build.resolve("kubectl-rollout-it/kubeconfig"));
    this.client = Fabric8Clients.connect(api.root());
  }

  @BeforeEach
  void nodeAndDeployment() {
    client.namespaces().resource(Fabric8Objects.namespace(ns)).create();
    TestNodes.create(client, node, mine, List.of());
    kubelet = new StandInKubelet(client, 220 + Math.abs(id.hashCode() % 30), node);
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(WorkloadObjects.deployment("web", 2, mine, 1, 0))
        .create();
  }

  @AfterEach
  void stop() throws InterruptedException {
    kubelet.close();
    client.close();
  }

  private Result ok(String... args) {
    Result result = kubectl.run(args);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    return result;
  }

  @Test
  void rolloutStatusHistoryAndUndo() {
    assertThat(ok("rollout", "status", "deployment/web", "-n", ns, "--timeout=80s").stdout())
        .contains("deployment \"web\" successfully rolled out");

    ok("set", "image", "deployment/web", "main=nginx:1.28", "-n", ns);
    assertThat(ok("rollout", "status", "deployment/web", "-n", ns, "--timeout=80s").stdout())
        .contains("successfully rolled out");
    assertThat(ok("rollout", "history", "deployment/web", "-n", ns).stdout())
        .containsPattern("(?m)^1\\s+")
        .containsPattern("(?m)^2\\s+");

    assertThat(ok("rollout", "undo", "deployment/web", "-n", ns).stdout())
        .contains("deployment.apps/web rolled back");
    assertThat(ok("get", "deploy", "web", "-n", ns, "-o", IMAGE).stdout()).isEqualTo("nginx:1.27");
    ok("rollout", "status", "deployment/web", "-n", ns, "--timeout=80s");
    assertThat(
            ok(
                    "get",
                    "deploy",
                    "web",
                    "-n",
                    ns,
                    "-o",
                    "jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}")
                .stdout())
        .isEqualTo("3");
    await()
        .atMost(WAIT)
        .until(
            () ->
                client.pods().inNamespace(ns).withLabel("app", "web").list().getItems().stream()
                    .allMatch(
                        p ->
                            p.getMetadata().getDeletionTimestamp() == null
                                && p.getSpec()
                                    .getContainers()
                                    .get(0)
                                    .getImage()
                                    .equals("nginx:1.27")));
  }

  @Test
  void restartRollsOutANewRevision() {
    ok("rollout", "status", "deployment/web", "-n", ns, "--timeout=80s");
    assertThat(ok("rollout", "restart", "deployment/web", "-n", ns).stdout())
        .contains("deployment.apps/web restarted");
    ok("rollout", "status", "deployment/web", "-n", ns, "--timeout=80s");
    assertThat(client.apps().replicaSets().inNamespace(ns).list().getItems()).hasSize(2);
  }

  @Test
  void scaleChangesThePodCount() {
    ok("rollout", "status", "deployment/web", "-n", ns, "--timeout=80s");
    assertThat(ok("scale", "deployment/web", "--replicas=5", "-n", ns).stdout())
        .contains("deployment.apps/web scaled");
    ok("rollout", "status", "deployment/web", "-n", ns, "--timeout=80s");
    await().atMost(WAIT).until(() -> pods() == 5);
    ok("scale", "deployment/web", "--replicas=1", "-n", ns);
    await().atMost(WAIT).until(() -> pods() == 1);
  }

  private long pods() {
    return client.pods().inNamespace(ns).withLabel("app", "web").list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .count();
  }
}
