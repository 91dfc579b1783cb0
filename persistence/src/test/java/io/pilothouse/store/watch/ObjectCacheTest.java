package io.pilothouse.store.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.store.EventType;
import io.pilothouse.store.FieldSelector;
import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.LabelSelector;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoreEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The informer-style current state: fill, replay over a newer listing, indexes and waiting. */
class ObjectCacheTest {

  private static final IndexedFields WEB = IndexedFields.ofLabels(Map.of("app", "web"));
  private static final IndexedFields DB = IndexedFields.ofLabels(Map.of("app", "db"));

  private static ObjectKey pod(String ns, String name) {
    return ObjectKey.namespaced("", "pods", ns, name);
  }

  private static StoreEvent event(long rev, EventType type, ObjectKey key, IndexedFields fields) {
    return new StoreEvent(rev, type, key, "uid-" + key.name(), "body@" + rev, null, fields, null);
  }

  private static CachedObject listed(ObjectKey key, long rev) {
    return new CachedObject(key, "uid-" + key.name(), "body@" + rev, WEB, rev);
  }

  private static ObjectCache empty(long start) {
    return new ObjectCache(Set.of("pods", "replicasets.apps"), start, List.of());
  }

  @Test
  void appliesAddsUpdatesAndDeletesInOrder() {
    ObjectCache cache = empty(10);
    cache.apply(
        List.of(
            event(11, EventType.ADDED, pod("a", "p1"), WEB),
            event(12, EventType.ADDED, pod("a", "p2"), WEB),
            event(13, EventType.MODIFIED, pod("a", "p1"), DB),
            event(14, EventType.DELETED, pod("a", "p2"), WEB)));

    assertThat(cache.revision()).isEqualTo(14);
    assertThat(cache.get(pod("a", "p1")).map(CachedObject::body)).contains("body@13");
    assertThat(cache.get(pod("a", "p1")).map(CachedObject::modRevision)).contains(13L);
    assertThat(cache.get(pod("a", "p2"))).isEmpty();
  }

  @Test
  void ignoresEventsAtOrBelowItsRevision() {
    ObjectCache cache = empty(10);
    cache.apply(List.of(event(11, EventType.ADDED, pod("a", "p1"), WEB)));
    cache.apply(
        List.of(
            event(11, EventType.DELETED, pod("a", "p1"), WEB),
            event(9, EventType.ADDED, pod("a", "old"), WEB)));

    assertThat(cache.get(pod("a", "p1"))).isPresent();
    assertThat(cache.get(pod("a", "old"))).isEmpty();
    assertThat(cache.revision()).isEqualTo(11);
  }

  @Test
  void replayOverAListingNewerThanTheStartRevisionConvergesOnTheLastEvent() {
    // listed after revision 10: p1 already recreated at 15, p2 written at 13, p3 already gone
    ObjectCache cache =
        new ObjectCache(
            Set.of("pods"), 10, List.of(listed(pod("a", "p1"), 15), listed(pod("a", "p2"), 13)));
    cache.apply(
        List.of(
            event(11, EventType.ADDED, pod("a", "p1"), WEB),
            event(12, EventType.DELETED, pod("a", "p1"), WEB),
            event(13, EventType.MODIFIED, pod("a", "p2"), WEB),
            event(14, EventType.ADDED, pod("a", "p3"), WEB),
            event(15, EventType.ADDED, pod("a", "p1"), WEB),
            event(16, EventType.DELETED, pod("a", "p3"), WEB)));

    assertThat(cache.get(pod("a", "p1")).map(CachedObject::modRevision)).contains(15L);
    assertThat(cache.get(pod("a", "p2")).map(CachedObject::modRevision)).contains(13L);
    assertThat(cache.get(pod("a", "p3"))).isEmpty();
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void keepsOnlyTheCachedResources() {
    ObjectCache cache = empty(0);
    ObjectKey event = ObjectKey.namespaced("", "events", "a", "e1");
    cache.apply(List.of(event(1, EventType.ADDED, event, WEB)));

    assertThat(cache.caches("events")).isFalse();
    assertThat(cache.get(event)).isEmpty();
    assertThat(cache.revision()).isEqualTo(1);
  }

  @Test
  void listsByNamespaceAndSelectors() {
    ObjectCache cache = empty(0);
    cache.apply(
        List.of(
            event(1, EventType.ADDED, pod("a", "web"), WEB),
            event(2, EventType.ADDED, pod("a", "db"), DB),
            event(3, EventType.ADDED, pod("b", "web"), WEB),
            event(
                4, EventType.ADDED, ObjectKey.namespaced("apps", "replicasets", "a", "rs"), WEB)));

    assertThat(names(cache.list("", "pods", "a", null, null)))
        .containsExactlyInAnyOrder("web", "db");
    assertThat(names(cache.list("", "pods", null, LabelSelector.parse("app=web"), null)))
        .containsExactlyInAnyOrder("web", "web");
    assertThat(
            names(cache.list("", "pods", null, null, FieldSelector.parse("metadata.namespace=b"))))
        .containsExactly("web");
    assertThat(names(cache.list("apps", "replicasets", "a", null, null))).containsExactly("rs");
    assertThat(cache.list("", "pods", "none", null, null)).isEmpty();
  }

  @Test
  void waitsForARevision() throws Exception {
    ObjectCache cache = empty(5);
    assertThat(cache.awaitRevision(5, 0)).isTrue();
    assertThat(cache.awaitRevision(6, 20)).isFalse();

    CompletableFuture<Boolean> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return cache.awaitRevision(7, 10_000);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    cache.apply(List.of(event(6, EventType.ADDED, pod("a", "p"), WEB)));
    cache.apply(List.of(event(7, EventType.MODIFIED, pod("a", "p"), WEB)));

    assertThat(waiting.get()).isTrue();
  }

  private static List<String> names(List<CachedObject> objects) {
    return objects.stream().map(o -> o.key().name()).toList();
  }
}
