package io.pilothouse.registry;

import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoredObject;
import io.pilothouse.store.watch.CachedObject;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upstream's NamespaceLifecycle admission: content is created only in namespaces that exist and are
 * not terminating. As upstream's, it asks the informer cache first, once the cache holds every
 * namespace write this instance acknowledged; only a namespace the cache shows as plainly active is
 * taken from it. Absent, or with a {@code deletionTimestamp} anywhere in its body (it may have been
 * recreated since), the namespace is read from the database, which decides.
 */
final class NamespaceGuard {

  /** How long a create waits for the cache to catch up before it reads the database instead. */
  static final long CACHE_WAIT_MILLIS = 100;

  private final RegistryContext ctx;

  NamespaceGuard(RegistryContext ctx) {
    this.ctx = ctx;
  }

  void requireActive(ResourceType type, String name, String namespace) {
    ObjectKey key = new ObjectKey("", "namespaces", "", namespace);
    if (activeInCache(key)) {
      return;
    }
    Optional<StoredObject> stored = ctx.store().get(key);
    if (stored.isEmpty()) {
      throw RegistryErrors.namespaceNotFound(namespace);
    }
    ObjectNode object = ObjectCodec.decode(stored.get());
    if (ObjectNodes.text(object, "metadata.deletionTimestamp") != null) {
      throw RegistryErrors.namespaceTerminating(type, name, namespace);
    }
  }

  private boolean activeInCache(ObjectKey key) {
    if (ctx.informers() == null) {
      return false;
    }
    Optional<CachedObject> cached =
        ctx.informers()
            .withLocalWritesOf("namespaces", CACHE_WAIT_MILLIS)
            .flatMap(cache -> cache.get(key));
    return cached.isPresent() && !cached.get().body().contains("deletionTimestamp");
  }
}
