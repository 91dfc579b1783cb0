package io.pilothouse.controller.garbagecollector;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.pilothouse.changefeed.ChangeType;
import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.testing.FakeEventRecorder;
import io.pilothouse.controller.testing.FakeObjectClient;
import io.pilothouse.controller.testing.MutableClock;
import io.pilothouse.controller.testing.Workloads;
import io.pilothouse.controller.util.OwnerRefs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The garbage collector's sync on the in-memory fake, for each propagation policy. */
class GarbageCollectorTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeObjectClient client = new FakeObjectClient(clock);
  private final ControllerContext context =
      Workloads.context(client, new FakeEventRecorder(), clock);
  private final GarbageCollector gc = new GarbageCollector();

  private Deployment deployment() {
    return client.create(
        new DeploymentBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName("web")
            .endMetadata()
            .withNewSpec()
            .endSpec()
            .build());
  }

  private ReplicaSet replicaSet(HasMetadata owner) {
    return client.create(
        new ReplicaSetBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName("web-1")
            .withOwnerReferences(
                owner == null ? List.of() : List.of(OwnerRefs.controllerRef(owner)))
            .endMetadata()
            .withNewSpec()
            .endSpec()
            .build());
  }

  private Pod pod(String name, OwnerReference... refs) {
    Pod pod = Workloads.pod("ns", name, Map.of("app", "web"), null, "Pending", null);
    pod.getMetadata().setOwnerReferences(List.of(refs));
    return client.create(pod);
  }

  /** Runs every key the GC would resync until nothing changes. */
  private void collect() {
    for (int i = 0; i < 20; i++) {
      client.clearCalls();
      for (ControllerKey key : gc.allKeys(client)) {
        gc.sync(key, context);
      }
      if (client.writes().isEmpty()) {
        return;
      }
    }
  }

  @Test
  void watchesTheNamespacedKindsItCollects() {
    assertThat(gc.watchedResources())
        .contains("pods", "replicasets", "deployments", "jobs")
        .doesNotContain("nodes", "namespaces")
        .isSameAs(gc.watchedResources());
  }

  @Test
  void backgroundDeletesDependentsOnceTheOwnerIsGone() {
    ReplicaSet rs = replicaSet(null);
    pod("a", OwnerRefs.controllerRef(rs));
    pod("b", OwnerRefs.controllerRef(rs));
    client.delete(ReplicaSet.class, "ns", "web-1", "Background", null, null);
    assertThat(client.all(ReplicaSet.class)).isEmpty();
    List<ControllerKey> keys =
        List.copyOf(
            gc.keysFor(
                new StoreChange("apps", "replicasets", "ns", "web-1", 9, ChangeType.DELETED),
                client));
    assertThat(keys)
        .containsExactlyInAnyOrder(
            new ControllerKey("ns", "pods/a"), new ControllerKey("ns", "pods/b"));
    keys.forEach(k -> gc.sync(k, context));
    assertThat(client.all(Pod.class)).isEmpty();
  }

  @Test
  void foregroundDeletesDependentsDepthFirstThenReleasesTheOwner() {
    Deployment d = deployment();
    ReplicaSet rs = replicaSet(d);
    pod("a", OwnerRefs.controllerRef(rs));
    client.delete(Deployment.class, "ns", "web", "Foreground", null, null);
    Deployment deleting = client.require(Deployment.class, "ns", "web");
    assertThat(deleting.getMetadata().getFinalizers()).containsExactly("foregroundDeletion");
    gc.sync(new ControllerKey("ns", "deployments.apps/web"), context);
    assertThat(client.require(ReplicaSet.class, "ns", "web-1").getMetadata().getFinalizers())
        .containsExactly("foregroundDeletion");
    assertThat(client.get(Deployment.class, "ns", "web"))
        .as("waits for its blocking dependent")
        .isPresent();
    collect();
    assertThat(client.all(Pod.class)).isEmpty();
    assertThat(client.all(ReplicaSet.class)).isEmpty();
    assertThat(client.all(Deployment.class)).isEmpty();
  }

  @Test
  void foregroundDoesNotWaitForNonBlockingDependents() {
    Deployment d = deployment();
    OwnerReference loose = OwnerRefs.controllerRef(d);
    loose.setBlockOwnerDeletion(false);
    ConfigMap cm =
        client.create(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withNamespace("ns")
                .withName("cfg")
                .withOwnerReferences(loose)
                .withFinalizers("example.com/hold")
                .endMetadata()
                .build());
    client.delete(Deployment.class, "ns", "web", "Foreground", null, null);
    gc.sync(new ControllerKey("ns", "deployments.apps/web"), context);
    assertThat(client.all(Deployment.class)).isEmpty();
    assertThat(client.require(ConfigMap.class, "ns", "cfg").getMetadata().getDeletionTimestamp())
        .isNotNull();
    assertThat(cm).isNotNull();
  }

  @Test
  void orphanStripsReferencesAndKeepsDependents() {
    ReplicaSet rs = replicaSet(null);
    pod("a", OwnerRefs.controllerRef(rs));
    client.delete(ReplicaSet.class, "ns", "web-1", "Orphan", null, null);
    collect();
    assertThat(client.all(ReplicaSet.class)).isEmpty();
    assertThat(client.require(Pod.class, "ns", "a").getMetadata().getOwnerReferences()).isEmpty();
  }

  @Test
  void aFreshCollectorFindsDependentsLeftBehindByARestart() {
    ReplicaSet rs = replicaSet(null);
    pod("a", OwnerRefs.controllerRef(rs));
    client.delete(ReplicaSet.class, "ns", "web-1", "Background", null, null);
    new GarbageCollector().allKeys(client).forEach(k -> new GarbageCollector().sync(k, context));
    assertThat(client.all(Pod.class)).isEmpty();
  }

  @Test
  void anOwnerRecreatedUnderTheSameNameIsNotTheOwner() {
    ReplicaSet rs = replicaSet(null);
    pod("a", OwnerRefs.controllerRef(rs));
    client.delete(ReplicaSet.class, "ns", "web-1", "Background", null, null);
    replicaSet(null);
    collect();
    assertThat(client.all(Pod.class)).isEmpty();
  }

  @Test
  void aDependentWithASolidOwnerOnlyLosesTheDanglingReference() {
    ReplicaSet gone = replicaSet(null);
    Deployment kept = deployment();
    OwnerReference dangling = OwnerRefs.controllerRef(gone);
    dangling.setController(false);
    OwnerReference solid = OwnerRefs.controllerRef(kept);
    pod("a", dangling, solid);
    client.delete(ReplicaSet.class, "ns", "web-1", "Background", null, null);
    collect();
    assertThat(client.require(Pod.class, "ns", "a").getMetadata().getOwnerReferences())
        .extracting(OwnerReference::getKind)
        .containsExactly("Deployment");
  }

  @Test
  void anObjectWhoseOwnersLiveInTheListersCostsNoStoreRead() {
    FakeObjectClient store = new FakeObjectClient(clock);

    syncOwnedPod(store, client);

    assertThat(store.calls()).isEmpty();
  }

  @Test
  void anOwnerGoneFromTheListersIsConfirmedInTheStore() {
    syncOwnedPod(client, new FakeObjectClient(clock));

    assertThat(client.writes()).isEmpty();
    assertThat(client.require(Pod.class, "ns", "a").getMetadata().getOwnerReferences()).hasSize(1);
  }

  /**
   * Creates a Deployment and a pod it owns in {@link #client}, then syncs the pod with {@code
   * store} as the client and {@code listers} as the listers (calls made before are cleared).
   */
  private void syncOwnedPod(FakeObjectClient store, FakeObjectClient listers) {
    pod("a", OwnerRefs.controllerRef(deployment()));
    client.clearCalls();
    gc.sync(
        new ControllerKey("ns", "pods/a"),
        new ControllerContext(store, new FakeEventRecorder(), clock, Runnable::run, listers));
  }
}
