package io.pilothouse.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.pilothouse.api.StatusException;
import io.pilothouse.controller.testing.FakeObjectClient;
import io.pilothouse.controller.testing.MutableClock;
import io.pilothouse.registry.ResourceTypes;
import io.pilothouse.store.EventType;
import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoreEvent;
import io.pilothouse.store.watch.ObjectCache;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The controllers' listers read the informer cache; writes and uncached kinds use the registry. */
class CachedObjectClientTest {

  private final FakeObjectClient registry =
      new FakeObjectClient(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
  private final ObjectCache cache =
      new ObjectCache(Set.of("pods", "namespaces", "replicasets.apps", "configmaps"), 0, List.of());
  private final CachedObjectClient client =
      new CachedObjectClient(() -> cache, registry, new ResourceKinds(new ResourceTypes()));

  private static StoreEvent added(long rev, ObjectKey key, Map<String, String> labels) {
    String body =
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\""
            + key.name()
            + "\",\"namespace\":\""
            + key.namespace()
            + "\",\"labels\":{\"app\":\""
            + labels.get("app")
            + "\"}}}";
    return new StoreEvent(
        rev, EventType.ADDED, key, "u" + rev, body, null, IndexedFields.ofLabels(labels), null);
  }

  private static ObjectKey pod(String ns, String name) {
    return ObjectKey.namespaced("", "pods", ns, name);
  }

  @Test
  void getsATypedObjectWithItsResourceVersionFromTheCache() {
    cache.apply(List.of(added(7, pod("a", "p1"), Map.of("app", "web"))));

    Pod pod = client.get(Pod.class, "a", "p1").orElseThrow();

    assertThat(pod.getMetadata().getResourceVersion()).isEqualTo("7");
    assertThat(pod.getMetadata().getLabels()).containsEntry("app", "web");
    assertThat(client.get(Pod.class, "b", "p1")).isEmpty();
    assertThat(registry.calls()).isEmpty();
  }

  @Test
  void listsByNamespaceAndLabelSelectorFromTheCache() {
    cache.apply(
        List.of(
            added(1, pod("a", "web"), Map.of("app", "web")),
            added(2, pod("a", "db"), Map.of("app", "db")),
            added(3, pod("b", "web"), Map.of("app", "web"))));

    assertThat(client.list(Pod.class, "a", null, null)).hasSize(2);
    assertThat(client.list(Pod.class, "", "app=web", null)).hasSize(2);
    assertThat(client.list(Pod.class, null, "app=web", "metadata.namespace=a"))
        .extracting(p -> p.getMetadata().getName())
        .containsExactly("web");
    assertThat(client.list(ReplicaSet.class, "a", null, null)).isEmpty();
    assertThat(registry.calls()).isEmpty();
  }

  @Test
  void aChangedResultDoesNotChangeTheCache() {
    cache.apply(List.of(added(1, pod("a", "p"), Map.of("app", "web"))));

    client.get(Pod.class, "a", "p").orElseThrow().getMetadata().getLabels().put("app", "x");

    assertThat(client.get(Pod.class, "a", "p").orElseThrow().getMetadata().getLabels())
        .containsEntry("app", "web");
  }

  @Test
  void uncachedKindsAndWritesGoToTheRegistry() {
    registry.seed(
        new EventBuilder()
            .withNewMetadata()
            .withNamespace("a")
            .withName("e")
            .endMetadata()
            .build());

    assertThat(client.get(Event.class, "a", "e")).isPresent();
    assertThat(client.list(Event.class, "a", null, null)).hasSize(1);
    client.create(
        new ConfigMapBuilder()
            .withNewMetadata()
            .withNamespace("a")
            .withName("c")
            .endMetadata()
            .build());

    assertThat(registry.calls())
        .extracting(FakeObjectClient.Call::verb)
        .containsExactly("get", "list", "create");
    assertThat(registry.all(ConfigMap.class)).hasSize(1);
    assertThat(client.get(Namespace.class, null, "a")).isEmpty();
  }

  @Test
  void countsAnIndexedFieldsValuesWithoutDecodingTheBodies() {
    IndexedFields onA = IndexedFields.builder().field("spec.nodeName", "node-a").build();
    IndexedFields unbound = IndexedFields.builder().field("spec.nodeName", "").build();
    // bodies that are not JSON: a decode would fail
    cache.apply(
        List.of(
            new StoreEvent(1, EventType.ADDED, pod("x", "p1"), "u1", "-", null, onA, null),
            new StoreEvent(2, EventType.ADDED, pod("x", "p2"), "u2", "-", null, onA, null),
            new StoreEvent(3, EventType.ADDED, pod("x", "p3"), "u3", "-", null, unbound, null),
            new StoreEvent(4, EventType.ADDED, pod("y", "p4"), "u4", "-", null, null, null)));

    assertThat(client.countByField(Pod.class, null, "spec.nodeName"))
        .isEqualTo(Map.of("node-a", 2, "", 2));
    assertThat(client.countByField(Pod.class, "x", "spec.nodeName"))
        .isEqualTo(Map.of("node-a", 2, "", 1));
    assertThat(registry.calls()).isEmpty();
  }

  @Test
  void anUncachedKindIsCountedFromTheRegistrysObjects() {
    registry.seed(event("e1", "Pod"), event("e2", "Pod"), event("e3", "Node"), event("e4", null));

    assertThat(client.countByField(Event.class, "a", "involvedObject.kind"))
        .isEqualTo(Map.of("Pod", 2, "Node", 1, "", 1));
  }

  private static Event event(String name, String involvedKind) {
    return new EventBuilder()
        .withNewMetadata()
        .withNamespace("a")
        .withName(name)
        .endMetadata()
        .withNewInvolvedObject()
        .withKind(involvedKind)
        .endInvolvedObject()
        .build();
  }

  @Test
  void aBadSelectorIsABadRequest() {
    assertThatThrownBy(() -> client.list(Pod.class, "a", "app in (", null))
        .isInstanceOf(StatusException.class)
        .hasMessageContaining("");
  }
}
