package io.pilothouse.controller.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.pilothouse.api.StatusException;
import io.pilothouse.controller.ObjectClient;
import io.pilothouse.registry.ObjectCodec;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.store.FieldSelector;
import io.pilothouse.store.InvalidSelectorException;
import io.pilothouse.store.LabelSelector;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.watch.CachedObject;
import io.pilothouse.store.watch.ObjectCache;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The controllers' listers: an {@link ObjectClient} whose reads come from the {@link ObjectCache}
 * (client-go's informer store) instead of a database transaction each, and whose writes, and reads
 * of uncached resources, go to the registry as before. A read shows every object as of the cache's
 * revision or later; the controller manager hands a change at revision R to {@code keysFor} only
 * once the cache holds R. Objects are decoded afresh on every read, so callers may change them.
 */
public final class CachedObjectClient implements ObjectClient {

  private final Supplier<ObjectCache> cache;
  private final ObjectClient registry;
  private final ResourceKinds kinds;

  /**
   * @param cache the current object cache (the feeder replaces it after a refill)
   * @param registry the client for writes and for resources the cache leaves out
   */
  public CachedObjectClient(
      Supplier<ObjectCache> cache, ObjectClient registry, ResourceKinds kinds) {
    this.cache = cache;
    this.registry = registry;
    this.kinds = kinds;
  }

  @Override
  public <T extends HasMetadata> Optional<T> get(Class<T> kind, String namespace, String name) {
    ResourceType type = kinds.of(kind);
    ObjectCache objects = cache.get();
    if (!objects.caches(type.groupResource())) {
      return registry.get(kind, namespace, name);
    }
    String scope = type.namespaced() && namespace != null ? namespace : "";
    return objects
        .get(new ObjectKey(type.group(), type.resource(), scope, name))
        .map(object -> typed(object, kind));
  }

  @Override
  public <T extends HasMetadata> List<T> list(
      Class<T> kind, String namespace, String labelSelector, String fieldSelector) {
    ResourceType type = kinds.of(kind);
    ObjectCache objects = cache.get();
    if (!objects.caches(type.groupResource())) {
      return registry.list(kind, namespace, labelSelector, fieldSelector);
    }
    String scope = scope(type, namespace);
    try {
      LabelSelector labels = labelSelector == null ? null : LabelSelector.parse(labelSelector);
      FieldSelector fields = fieldSelector == null ? null : FieldSelector.parse(fieldSelector);
      return objects.list(type.group(), type.resource(), scope, labels, fields).stream()
          .map(object -> typed(object, kind))
          .toList();
    } catch (InvalidSelectorException e) {
      throw new StatusException(400, "BadRequest", e.getMessage());
    }
  }

  @Override
  public List<String> names(Class<? extends HasMetadata> kind, String namespace) {
    ResourceType type = kinds.of(kind);
    ObjectCache objects = cache.get();
    if (!objects.caches(type.groupResource())) {
      return registry.names(kind, namespace);
    }
    String scope = scope(type, namespace);
    return objects.list(type.group(), type.resource(), scope, null, null).stream()
        .map(object -> object.key().name())
        .toList();
  }

  @Override
  public Map<String, Integer> countByField(
      Class<? extends HasMetadata> kind, String namespace, String fieldPath) {
    ResourceType type = kinds.of(kind);
    ObjectCache objects = cache.get();
    if (!objects.caches(type.groupResource())) {
      return registry.countByField(kind, namespace, fieldPath);
    }
    String scope = scope(type, namespace);
    Map<String, Integer> counts = new HashMap<>();
    for (CachedObject object : objects.list(type.group(), type.resource(), scope, null, null)) {
      counts.merge(object.fields().fields().getOrDefault(fieldPath, ""), 1, Integer::sum);
    }
    return counts;
  }

  private static <T> T typed(CachedObject object, Class<T> kind) {
    return RegistryObjectClient.typed(
        ObjectCodec.decode(object.body(), object.modRevision()), kind);
  }

  /** The namespace to list in: null for all, and for cluster-scoped kinds. */
  private static String scope(ResourceType type, String namespace) {
    return type.namespaced() && namespace != null && !namespace.isEmpty() ? namespace : null;
  }

  @Override
  public <T extends HasMetadata> T create(T object) {
    return registry.create(object);
  }

  @Override
  public <T extends HasMetadata> T update(T object) {
    return registry.update(object);
  }

  @Override
  public <T extends HasMetadata> T updateStatus(T object) {
    return registry.updateStatus(object);
  }

  @Override
  public <T extends HasMetadata> T mergePatch(
      Class<T> kind, String namespace, String name, String patch, boolean status) {
    return registry.mergePatch(kind, namespace, name, patch, status);
  }

  @Override
  public boolean delete(
      Class<? extends HasMetadata> kind,
      String namespace,
      String name,
      String propagationPolicy,
      String uid,
      Long gracePeriodSeconds) {
    return registry.delete(kind, namespace, name, propagationPolicy, uid, gracePeriodSeconds);
  }

  @Override
  public void evict(String namespace, String name) {
    registry.evict(namespace, name);
  }

  @Override
  public void bind(String namespace, String name, String uid, String nodeName) {
    registry.bind(namespace, name, uid, nodeName);
  }

  @Override
  public Namespace finalizeNamespace(Namespace namespace) {
    return registry.finalizeNamespace(namespace);
  }
}
