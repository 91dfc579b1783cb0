package io.pilothouse.controller.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pilothouse.api.StatusException;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.ResourceTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps fabric8's typed model classes to the registry's served {@link ResourceType}s, so that the
 * object client can write a {@code Pod} or a {@code Lease} through the resource that serves it.
 */
@ApplicationScoped
public class ResourceKinds {

  @Inject private ResourceTypes types;

  public ResourceKinds() {}

  /** Outside a container (unit tests). */
  public ResourceKinds(ResourceTypes types) {
    this.types = types;
  }

  private final Map<Class<?>, ResourceType> byClass = new ConcurrentHashMap<>();

  /** The served resource of a model class; 404 if this API server does not serve it. */
  public ResourceType of(Class<? extends HasMetadata> kind) {
    return byClass.computeIfAbsent(kind, this::lookup);
  }

  /** The served resource named by group and plural, e.g. {@code ("", "pods")}. */
  public ResourceType resource(String group, String resource) {
    return types
        .find(group == null ? "" : group, "v1", resource)
        .orElseThrow(() -> notServed(group + "/" + resource));
  }

  private ResourceType lookup(Class<?> kind) {
    String group = HasMetadata.getGroup(kind);
    return types
        .forKind(group == null ? "" : group, HasMetadata.getKind(kind))
        .orElseThrow(() -> notServed(kind.getName()));
  }

  private static StatusException notServed(String what) {
    return new StatusException(404, "NotFound", "the server does not serve " + what);
  }
}
