package io.pilothouse.registry;

import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoredObject;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upstream's NamespaceLifecycle admission: content is created only in namespaces that exist and are
 * not terminating.
 */
final class NamespaceGuard {

  private final RegistryContext ctx;

  NamespaceGuard(RegistryContext ctx) {
    this.ctx = ctx;
  }

  void requireActive(ResourceType type, String name, String namespace) {
    Optional<StoredObject> stored = ctx.store().get(new ObjectKey("", "namespaces", "", namespace));
    if (stored.isEmpty()) {
      throw RegistryErrors.namespaceNotFound(namespace);
    }
    ObjectNode object = ObjectCodec.decode(stored.get());
    if (ObjectNodes.text(object, "metadata.deletionTimestamp") != null) {
      throw RegistryErrors.namespaceTerminating(type, name, namespace);
    }
  }
}
