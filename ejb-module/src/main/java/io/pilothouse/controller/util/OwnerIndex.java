package io.pilothouse.controller.util;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.pilothouse.controller.ControllerKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which owner of a given kind controls each object the controller has seen, so that the
 * announcement of a deletion (which names only the deleted key, the object being gone) can still be
 * routed to the owner's key, as upstream's informers hand handlers the last known object.
 * Forgetting is harmless: the periodic resync covers what it misses.
 */
public final class OwnerIndex {

  private final String ownerKind;
  private final Map<ControllerKey, ControllerKey> owners = new ConcurrentHashMap<>();

  public OwnerIndex(String ownerKind) {
    this.ownerKind = ownerKind;
  }

  /** Records the object's controller of {@link #ownerKind}; returns the owner's key, if any. */
  public Optional<ControllerKey> observe(HasMetadata object) {
    ControllerKey self = ControllerKey.of(object);
    Optional<OwnerReference> ref =
        OwnerRefs.controllerOf(object).filter(r -> ownerKind.equals(r.getKind()));
    if (ref.isEmpty()) {
      owners.remove(self);
      return Optional.empty();
    }
    ControllerKey owner = new ControllerKey(self.namespace(), ref.get().getName());
    owners.put(self, owner);
    return Optional.of(owner);
  }

  /** The last owner recorded for a deleted object, forgetting it. */
  public Optional<ControllerKey> removed(String namespace, String name) {
    return Optional.ofNullable(owners.remove(new ControllerKey(namespace, name)));
  }
}
