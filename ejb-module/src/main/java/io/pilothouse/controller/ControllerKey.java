package io.pilothouse.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * A work-queue key, upstream's {@code namespace/name}; {@code namespace} is null for cluster-scoped
 * objects.
 */
public record ControllerKey(String namespace, String name) {

  /** The key of an object. */
  public static ControllerKey of(HasMetadata object) {
    return new ControllerKey(object.getMetadata().getNamespace(), object.getMetadata().getName());
  }

  /** Parses {@code ns/name} or {@code name}. */
  public static ControllerKey parse(String key) {
    int slash = key.indexOf('/');
    return slash < 0
        ? new ControllerKey(null, key)
        : new ControllerKey(key.substring(0, slash), key.substring(slash + 1));
  }

  @Override
  public String toString() {
    return namespace == null ? name : namespace + "/" + name;
  }
}
