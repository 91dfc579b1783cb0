package io.pilothouse.registry;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The read an update starts from: the informer cache's copy only when it is the named write. */
class ObjectReaderTest {

  private static final ObjectKey LEASE =
      new ObjectKey("coordination.k8s.io", "leases", "kube-node-lease", "n1");
  private static final String CACHED =
      "{\"metadata\":{\"name\":\"n1\"},\"spec\":{\"from\":\"cache\"}}";
  private static final String STORED =
      "{\"metadata\":{\"name\":\"n1\"},\"spec\":{\"from\":\"db\"}}";

  private final ResourceTypes types = new ResourceTypes();
  private final ResourceType leases =
      types.find("coordination.k8s.io", "v1", "leases").orElseThrow();
  private final Informers informers = new Informers();
  private final List<ObjectKey> storeReads = new ArrayList<>();

  private ObjectReader reader() {
    ObjectStore store =
        (ObjectStore)
            Proxy.newProxyInstance(
                ObjectStore.class.getClassLoader(),
                new Class<?>[] {ObjectStore.class},
                (proxy, method, args) -> {
                  if (!method.getName().equals("get")) {
                    throw new AssertionError("the reader only gets, yet called " + method);
                  }
                  storeReads.add((ObjectKey) args[0]);
                  return Optional.of(new StoredObject(LEASE, "u", STORED, 3, 9));
                });
    return new ObjectReader(
        new RegistryContext(store, types, change -> {}, Instant.now(), null, informers));
  }

  private void cacheAt(long revision) {
    ObjectCache cache = new ObjectCache(Set.of("leases.coordination.k8s.io"), 0, List.of());
    cache.apply(
        List.of(
            new StoreEvent(
                revision, EventType.ADDED, LEASE, "u", CACHED, null, IndexedFields.EMPTY, null)));
    informers.objects(cache);
  }

  private String from(ObjectNode object) {
    return object.get("spec").get("from").asString();
  }

  @Test
  void theCachedCopyOfTheNamedRevisionSavesTheStoreRead() {
    cacheAt(7);

    ObjectNode old = reader().getForUpdate(leases, "kube-node-lease", "n1", 7);

    assertThat(from(old)).isEqualTo("cache");
    assertThat(old.get("metadata").get("resourceVersion").asString()).isEqualTo("7");
    assertThat(storeReads).isEmpty();
  }

  @Test
  void anyOtherRevisionOrNoneIsReadFromTheStore() {
    cacheAt(7);

    assertThat(from(reader().getForUpdate(leases, "kube-node-lease", "n1", 9))).isEqualTo("db");
    assertThat(from(reader().getForUpdate(leases, "kube-node-lease", "n1", 6))).isEqualTo("db");
    assertThat(from(reader().getForUpdate(leases, "kube-node-lease", "n1", 0))).isEqualTo("db");
    assertThat(storeReads).hasSize(3);
  }

  @Test
  void withoutACacheTheStoreIsRead() {
    ObjectNode old = reader().getForUpdate(leases, "kube-node-lease", "n1", 7);

    assertThat(from(old)).isEqualTo("db");
    assertThat(storeReads).containsExactly(LEASE);
  }
}
