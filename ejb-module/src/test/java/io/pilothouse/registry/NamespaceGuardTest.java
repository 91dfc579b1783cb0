package io.pilothouse.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilothouse.api.StatusException;
import io.pilothouse.changefeed.ChangeType;
import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.store.EventType;
import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.ObjectStore;
import io.pilothouse.store.StoreEvent;
import io.pilothouse.store.StoredObject;
import io.pilothouse.store.watch.ObjectCache;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** NamespaceLifecycle admission: the informer cache answers "active"; the database decides else. */
class NamespaceGuardTest {

  private static final String ACTIVE = "{\"metadata\":{\"name\":\"ns\"}}";
  private static final String TERMINATING =
      "{\"metadata\":{\"name\":\"ns\",\"deletionTimestamp\":\"2026-01-01T00:00:00Z\"}}";
  private static final ObjectKey NS = ObjectKey.cluster("", "namespaces", "ns");

  private final ResourceTypes types = new ResourceTypes();
  private final ResourceType pods = types.find("", "v1", "pods").orElseThrow();
  private final Informers informers = new Informers();
  private final ObjectCache cache = new ObjectCache(Set.of("namespaces"), 0, List.of());
  private final Db db = new Db();

  private NamespaceGuard guard(Informers withInformers) {
    return new NamespaceGuard(
        new RegistryContext(db.store(), types, change -> {}, Instant.now(), null, withInformers));
  }

  private void cached(long rev, EventType type, String body) {
    cache.apply(List.of(new StoreEvent(rev, type, NS, "u", body, null, IndexedFields.EMPTY, null)));
  }

  @Test
  void anActiveNamespaceInTheCacheNeedsNoDatabaseRead() {
    informers.objects(cache);
    cached(1, EventType.ADDED, ACTIVE);

    assertThatCode(() -> guard(informers).requireActive(pods, "p", "ns"))
        .doesNotThrowAnyException();
    assertThat(db.gets).isEmpty();
  }

  @Test
  void aNamespaceMissingFromTheCacheIsReadFromTheDatabase() {
    informers.objects(cache);
    db.rows.put(NS, ACTIVE);

    guard(informers).requireActive(pods, "p", "ns");
    assertThat(db.gets).containsExactly(NS);

    db.rows.clear();
    assertThatThrownBy(() -> guard(informers).requireActive(pods, "p", "ns"))
        .isInstanceOf(StatusException.class)
        .extracting(e -> ((StatusException) e).code())
        .isEqualTo(404);
  }

  @Test
  void aTerminatingNamespaceInTheCacheIsCheckedInTheDatabase() {
    informers.objects(cache);
    cached(1, EventType.ADDED, TERMINATING);

    db.rows.put(NS, TERMINATING);
    assertThatThrownBy(() -> guard(informers).requireActive(pods, "p", "ns"))
        .isInstanceOf(StatusException.class)
        .extracting(e -> ((StatusException) e).code())
        .isEqualTo(403);

    // deleted and created again; the cache has not seen it yet
    db.rows.put(NS, ACTIVE);
    assertThatCode(() -> guard(informers).requireActive(pods, "p", "ns"))
        .doesNotThrowAnyException();
  }

  @Test
  void aCacheBehindThisInstancesWritesIsNotTrusted() {
    informers.objects(cache);
    cached(1, EventType.ADDED, ACTIVE);
    // this instance committed revision 2 (say, the namespace's deletion); the cache still at 1
    informers.onLocalCommit(new StoreChange("", "namespaces", "", "ns", 2, ChangeType.MODIFIED));
    db.rows.put(NS, TERMINATING);

    assertThatThrownBy(() -> guard(informers).requireActive(pods, "p", "ns"))
        .isInstanceOf(StatusException.class)
        .extracting(e -> ((StatusException) e).code())
        .isEqualTo(403);
    assertThat(db.gets).containsExactly(NS);
  }

  @Test
  void writesOfOtherResourcesDoNotHoldTheCacheBack() {
    informers.objects(cache);
    cached(1, EventType.ADDED, ACTIVE);
    // a busy pod write load on this instance, far ahead of the cache
    informers.onLocalCommit(new StoreChange("", "pods", "ns", "p", 500, ChangeType.ADDED));

    long started = System.nanoTime();
    guard(informers).requireActive(pods, "p", "ns");

    assertThat(db.gets).isEmpty();
    assertThat(System.nanoTime() - started)
        .isLessThan(NamespaceGuard.CACHE_WAIT_MILLIS * 1_000_000);
  }

  @Test
  void withoutACacheTheDatabaseDecides() {
    db.rows.put(NS, ACTIVE);
    guard(null).requireActive(pods, "p", "ns");
    guard(informers).requireActive(pods, "p", "ns");
    assertThat(db.gets).hasSize(2);
  }

  /** Namespace bodies by key, and the keys the guard read. */
  private static final class Db {
    final Map<ObjectKey, String> rows = new HashMap<>();
    final List<ObjectKey> gets = new ArrayList<>();

    /** A store answering {@code get} from {@link #rows}; the guard calls nothing else. */
    ObjectStore store() {
      return (ObjectStore)
          Proxy.newProxyInstance(
              ObjectStore.class.getClassLoader(),
              new Class<?>[] {ObjectStore.class},
              (proxy, method, args) -> {
                if (!method.getName().equals("get")) {
                  throw new AssertionError("the guard only reads, yet called " + method);
                }
                ObjectKey key = (ObjectKey) args[0];
                gets.add(key);
                return Optional.ofNullable(rows.get(key))
                    .map(b -> new StoredObject(key, "u", b, 1, 1));
              });
    }
  }
}
