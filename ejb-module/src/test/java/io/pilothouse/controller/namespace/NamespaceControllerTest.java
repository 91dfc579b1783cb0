package io.pilothouse.controller.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.SyncResult;
import io.pilothouse.controller.testing.FakeEventRecorder;
import io.pilothouse.controller.testing.FakeObjectClient;
import io.pilothouse.controller.testing.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NamespaceControllerTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeObjectClient client = new FakeObjectClient(clock);
  private final ControllerContext context =
      new ControllerContext(client, new FakeEventRecorder(), clock);
  private final NamespaceController controller = new NamespaceController();

  @Test
  void anActiveNamespaceIsLeftAlone() {
    client.seed(namespace("app", false), configMap("app", "settings"));

    SyncResult result = controller.sync(new ControllerKey(null, "app"), context);

    assertThat(result).isEqualTo(SyncResult.DONE);
    assertThat(client.writes()).isEmpty();
  }

  @Test
  void anAbsentNamespaceIsDone() {
    assertThat(controller.sync(new ControllerKey(null, "gone"), context))
        .isEqualTo(SyncResult.DONE);
    assertThat(client.writes()).isEmpty();
  }

  @Test
  void aTerminatingNamespaceLosesItsContentsThenItsFinalizer() {
    client.seed(
        namespace("old", true),
        configMap("old", "settings"),
        configMap("other", "kept"),
        pod("old", "waiting"));

    SyncResult first = controller.sync(new ControllerKey(null, "old"), context);

    assertThat(first).isEqualTo(SyncResult.after(NamespaceController.RECHECK));
    assertThat(client.all(ConfigMap.class))
        .extracting(c -> c.getMetadata().getNamespace())
        .containsExactly("other");
    assertThat(client.all(Pod.class)).isEmpty();
    assertThat(client.calls("update", Namespace.class)).isEmpty();

    SyncResult second = controller.sync(new ControllerKey(null, "old"), context);

    assertThat(second).isEqualTo(SyncResult.DONE);
    assertThat(client.calls("update", Namespace.class)).hasSize(1);
    assertThat(client.all(Namespace.class))
        .allSatisfy(ns -> assertThat(ns.getSpec().getFinalizers()).doesNotContain("kubernetes"));
  }

  @Test
  void resyncKeysAreTheTerminatingNamespaces() {
    client.seed(namespace("live", false), namespace("dying", true));

    assertThat(controller.allKeys(client)).containsExactly(new ControllerKey(null, "dying"));
  }

  private Namespace namespace(String name, boolean terminating) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .withDeletionTimestamp(terminating ? "2026-01-01T00:00:00Z" : null)
        .endMetadata()
        .withNewSpec()
        .withFinalizers("kubernetes")
        .endSpec()
        .withNewStatus()
        .withPhase(terminating ? "Terminating" : "Active")
        .endStatus()
        .build();
  }

  private static ConfigMap configMap(String namespace, String name) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .build();
  }

  private static Pod pod(String namespace, String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("c")
        .withImage("busybox")
        .endContainer()
        .endSpec()
        .build();
  }
}
