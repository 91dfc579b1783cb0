package io.pilothouse.it;

import static io.pilothouse.it.Fabric8Objects.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
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
 * The fabric8 Java client against the deployed WAR, unchanged, as an application would use it: CRUD
 * of ConfigMaps, Deployments, Pods, Leases and Namespaces, server-side dry run, optimistic
 * concurrency, label-selector lists and the generation rules of the status subresource. Informers,
 * watches and pod binding are in {@link Fabric8WatchIT}.
 */
@ExtendWith(SharedControlPlane.class)
class Fabric8ClientIT {

  private final KubernetesClient client;
  private final String ns = "f8-" + UUID.randomUUID().toString().substring(0, 8);

  Fabric8ClientIT(ControlPlane api) {
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
  void configMapsAreCreatedReadUpdatedListedAndDeleted() {
    var configMaps = client.configMaps().inNamespace(ns);
    ConfigMap created = configMaps.resource(configMap("settings", "one")).create();
    assertThat(created.getMetadata().getUid()).isNotBlank();
    assertThat(created.getMetadata().getCreationTimestamp()).isNotBlank();

    ConfigMap read = configMaps.withName("settings").get();
    assertThat(read.getData()).containsEntry("key", "one");
    assertThat(read.getMetadata().getResourceVersion())
        .isEqualTo(created.getMetadata().getResourceVersion());

    read.getData().put("key", "two");
    ConfigMap updated = configMaps.resource(read).update();
    assertThat(rv(updated)).isGreaterThan(rv(created));
    assertThat(configMaps.list().getItems())
        .extracting(c -> c.getData().get("key"))
        .contains("two");

    assertThat(configMaps.withName("settings").delete()).hasSize(1);
    assertThat(configMaps.withName("settings").get()).isNull();
  }

  @Test
  void namespacesAreCreatedListedAndDeleted() {
    String other = ns + "-other";
    client.namespaces().resource(Fabric8Objects.namespace(other)).create();
    assertThat(client.namespaces().withName(other).get().getStatus().getPhase())
        .isEqualTo("Active");
    assertThat(client.namespaces().list().getItems())
        .extracting(n -> n.getMetadata().getName())
        .contains(ns, other, "default", "kube-system");

    assertThat(client.namespaces().withName(other).delete()).hasSize(1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              var gone = client.namespaces().withName(other).get();
              return gone == null || "Terminating".equals(gone.getStatus().getPhase());
            });
  }

  @Test
  void leasesAreRenewedAndReleased() {
    var leases = client.leases().inNamespace(ns);
    Lease lease = leases.resource(Fabric8Objects.lease("holder", "agent-1")).create();
    ZonedDateTime renewed = lease.getSpec().getRenewTime().plusSeconds(10);

    Lease renewedLease = leases.withName("holder").edit(l -> renewTo(l, renewed));
    assertThat(renewedLease.getSpec().getRenewTime().toInstant()).isEqualTo(renewed.toInstant());
    assertThat(leases.withName("holder").get().getSpec().getHolderIdentity()).isEqualTo("agent-1");
    assertThat(leases.list().getItems()).hasSize(1);
    leases.withName("holder").delete();
    assertThat(leases.withName("holder").get()).isNull();
  }

  @Test
  void podsAreCreatedUnboundListedAndDeleted() {
    var pods = client.pods().inNamespace(ns);
    Pod pod = pods.resource(Fabric8Objects.unboundPod("lonely")).create();
    assertThat(pod.getSpec().getNodeName()).isNull();
    assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Always");
    assertThat(pod.getSpec().getSchedulerName()).isEqualTo("default-scheduler");
    assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");

    assertThat(pods.withLabel("app", "lonely").list().getItems()).hasSize(1);
    pods.withName("lonely").delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> pods.withName("lonely").get() == null);
  }

  @Test
  void deploymentGenerationMovesWithSpecButNotWithStatus() {
    // the Deployment controller writes this object too, so every write here is a merge patch
    // (no resourceVersion pinned) and assertions read the patch's own answer
    var deployments = client.apps().deployments().inNamespace(ns);
    var web = deployments.withName("web");
    Deployment created = deployments.resource(Fabric8Objects.deployment("web", 1)).create();
    assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);

    Deployment status =
        web.subresource("status")
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"status\":{\"observedGeneration\":1,\"unavailableReplicas\":7}}");
    assertThat(status.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(status.getStatus().getUnavailableReplicas()).isEqualTo(7);
    assertThat(rv(status)).isGreaterThan(rv(created));

    Deployment scaled =
        web.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":3}}");
    assertThat(scaled.getMetadata().getGeneration()).isEqualTo(2L);
    Deployment labelled =
        web.patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"labels\":{\"tier\":\"front\"}}}");
    assertThat(labelled.getMetadata().getGeneration()).isEqualTo(2L);
    assertThat(web.get().getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void serverSideDryRunWritesNothing() {
    var configMaps = client.configMaps().inNamespace(ns);
    ConfigMap dry = configMaps.resource(configMap("dry", "x")).dryRun().create();
    assertThat(dry.getMetadata().getName()).isEqualTo("dry");
    assertThat(configMaps.withName("dry").get()).isNull();

    ConfigMap real = configMaps.resource(configMap("real", "before")).create();
    real.getData().put("key", "after");
    configMaps.resource(real).dryRun().update();
    configMaps.withName("real").dryRun().delete();
    ConfigMap kept = configMaps.withName("real").get();
    assertThat(kept.getData()).containsEntry("key", "before");
    assertThat(kept.getMetadata().getResourceVersion())
        .isEqualTo(real.getMetadata().getResourceVersion());
  }

  @Test
  void staleResourceVersionIsAConflict() {
    var configMaps = client.configMaps().inNamespace(ns);
    ConfigMap first = configMaps.resource(configMap("contended", "0")).create();
    ConfigMap stale = new ConfigMapBuilder(first).addToData("key", "stale").build();
    configMaps.resource(new ConfigMapBuilder(first).addToData("key", "fresh").build()).update();

    assertThatThrownBy(() -> configMaps.resource(stale).update())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    assertThat(configMaps.withName("contended").get().getData()).containsEntry("key", "fresh");
  }

  @Test
  void concurrentEditsAndPatchesAllLand() throws Exception {
    var configMaps = client.configMaps().inNamespace(ns);
    configMaps.resource(configMap("shared", Map.of(), Map.of())).create();
    Parallel.run(8, Duration.ofMinutes(2), t -> editAndPatch(t, 10));
    assertThat(configMaps.withName("shared").get().getData()).hasSize(8 * 10 * 2);
  }

  @Test
  void listsSelectByLabels() {
    var configMaps = client.configMaps().inNamespace(ns);
    configMaps
        .resource(configMap("web-prod", Map.of("tier", "web", "env", "prod"), Map.of()))
        .create();
    configMaps
        .resource(configMap("web-dev", Map.of("tier", "web", "env", "dev"), Map.of()))
        .create();
    configMaps
        .resource(configMap("db-prod", Map.of("tier", "db", "env", "prod"), Map.of()))
        .create();
    configMaps.resource(configMap("plain", Map.of("tier", "cache"), Map.of())).create();

    assertThat(names(configMaps.withLabel("tier", "web").list().getItems()))
        .containsExactlyInAnyOrder("web-prod", "web-dev");
    assertThat(names(configMaps.withLabelIn("tier", "db", "cache").list().getItems()))
        .containsExactlyInAnyOrder("db-prod", "plain");
    assertThat(names(configMaps.withLabelNotIn("env", "prod").list().getItems()))
        .containsExactlyInAnyOrder("web-dev", "plain");
    assertThat(names(configMaps.withoutLabel("env").list().getItems())).containsExactly("plain");
    assertThat(names(configMaps.withLabel("env").withoutLabel("tier", "web").list().getItems()))
        .containsExactly("db-prod");
    var selector =
        new LabelSelectorBuilder()
            .addToMatchLabels("env", "prod")
            .addNewMatchExpression()
            .withKey("tier")
            .withOperator("In")
            .withValues("web", "cache")
            .endMatchExpression()
            .build();
    assertThat(names(configMaps.withLabelSelector(selector).list().getItems()))
        .containsExactly("web-prod");
  }

  /**
   * fabric8's {@code edit} sends a JSON patch that pins the resourceVersion it read, so it may lose
   * a race (409) and is retried here, as client-go's RetryOnConflict does; a merge patch names no
   * resourceVersion and the server must apply it without ever answering 409.
   */
  private Void editAndPatch(int thread, int times) {
    var shared = client.configMaps().inNamespace(ns).withName("shared");
    for (int i = 0; i < times; i++) {
      String editKey = "edit-" + thread + "-" + i;
      while (true) {
        try {
          shared.edit(c -> new ConfigMapBuilder(c).addToData(editKey, "x").build());
          break;
        } catch (KubernetesClientException e) {
          assertThat(e.getCode()).as(e.getMessage()).isEqualTo(409);
        }
      }
      String patch = "{\"data\":{\"patch-" + thread + "-" + i + "\":\"y\"}}";
      shared.patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    }
    return null;
  }

  private static Lease renewTo(Lease lease, ZonedDateTime time) {
    lease.getSpec().setRenewTime(time);
    return lease;
  }

  private static List<String> names(List<? extends HasMetadata> items) {
    return items.stream().map(i -> i.getMetadata().getName()).toList();
  }

  @Test
  void serverSideApplyCreatesTracksManagersAndRefusesAnothersConflictUnlessForced() {
    var configMaps = client.configMaps().inNamespace(ns);
    ConfigMap applied =
        configMaps.resource(configMap("applied", "one")).fieldManager("app-a").serverSideApply();
    assertThat(applied.getMetadata().getManagedFields())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.getManager()).isEqualTo("app-a");
              assertThat(entry.getOperation()).isEqualTo("Apply");
            });

    ConfigMap other = configMap("applied", "two");
    assertThatThrownBy(() -> configMaps.resource(other).fieldManager("app-b").serverSideApply())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    assertThat(configMaps.withName("applied").get().getData()).containsEntry("key", "one");

    ConfigMap forced =
        configMaps.resource(other).fieldManager("app-b").forceConflicts().serverSideApply();
    assertThat(forced.getData()).containsEntry("key", "two");
    assertThat(forced.getMetadata().getManagedFields())
        .extracting(entry -> entry.getManager())
        .containsExactly("app-b");
  }

  private static long rv(HasMetadata object) {
    return Long.parseLong(object.getMetadata().getResourceVersion());
  }
}
