package io.pilothouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilothouse.it.support.Fabric8Clients;
import io.pilothouse.it.support.SharedControlPlane;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The namespace and service account controllers in the deployed control plane: a new namespace gets
 * its {@code default} ServiceAccount; a deleted one is Terminating, loses its contents, then its
 * {@code kubernetes} finalizer, and is gone.
 */
@ExtendWith(SharedControlPlane.class)
class NamespaceLifecycleIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private final KubernetesClient client;
  private final String ns = "nslc-" + UUID.randomUUID().toString().substring(0, 8);

  NamespaceLifecycleIT(ControlPlane api) {
    this.client = Fabric8Clients.connect(api.root());
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void aNewNamespaceGetsTheDefaultServiceAccount() {
    client.namespaces().resource(Fabric8Objects.namespace(ns)).create();

    await()
        .atMost(WAIT)
        .until(() -> client.serviceAccounts().inNamespace(ns).withName("default").get() != null);
  }

  @Test
  void deletingANamespaceRemovesItsContentsThenTheNamespace() {
    client.namespaces().resource(Fabric8Objects.namespace(ns)).create();
    client
        .configMaps()
        .inNamespace(ns)
        .resource(Fabric8Objects.configMap("settings", "v"))
        .create();
    client
        .pods()
        .inNamespace(ns)
        .resource(TestNodes.pod("waiting", Map.of("nobody", "matches"), List.of()))
        .create();
    await()
        .atMost(WAIT)
        .until(() -> client.serviceAccounts().inNamespace(ns).withName("default").get() != null);

    client.namespaces().withName(ns).delete();

    Namespace terminating = client.namespaces().withName(ns).get();
    if (terminating != null) {
      assertThat(terminating.getStatus().getPhase()).isEqualTo("Terminating");
      assertThat(terminating.getSpec().getFinalizers()).contains("kubernetes");
    }
    await().atMost(WAIT).until(() -> client.namespaces().withName(ns).get() == null);
    assertThat(client.configMaps().inNamespace(ns).list().getItems()).isEmpty();
    assertThat(client.pods().inNamespace(ns).list().getItems()).isEmpty();
    assertThat(client.serviceAccounts().inNamespace(ns).list().getItems()).isEmpty();
  }
}
