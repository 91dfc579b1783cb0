package io.pilothouse.controller.garbagecollector;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.SyncResult;
import io.pilothouse.controller.util.ControllerRefManager;
import io.pilothouse.controller.util.OwnerRefs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Upstream's {@code attemptToDeleteItem} for one dependent: sorts its owners into solid (present,
 * same uid), dangling (absent or replaced by a new uid) and waiting (being deleted in foreground).
 * With a solid owner left it only drops the other references; with none it deletes the dependent,
 * in foreground if an owner is waiting for it, in background otherwise.
 */
final class OwnerCheck {

  private OwnerCheck() {}

  /** How a reference stands against the object found under its owner's name (null: none). */
  enum Standing {
    /** The owner lives. */
    SOLID,
    /** No owner by that name and uid. */
    DANGLING,
    /** The owner is being deleted in the foreground: it waits for its dependents. */
    WAITING
  }

  static Standing standing(OwnerReference ref, HasMetadata owner) {
    if (owner == null || !ref.getUid().equals(owner.getMetadata().getUid())) {
      return Standing.DANGLING;
    }
    return owner.getMetadata().getDeletionTimestamp() != null
            && GarbageCollector.finalizers(owner).contains(GarbageCollector.FOREGROUND)
        ? Standing.WAITING
        : Standing.SOLID;
  }

  static SyncResult collectIfOrphaned(ControllerContext context, HasMetadata object) {
    List<OwnerReference> refs = OwnerRefs.refs(object);
    if (refs.isEmpty()) {
      return SyncResult.DONE;
    }
    List<OwnerReference> solid = new ArrayList<>();
    List<OwnerReference> dangling = new ArrayList<>();
    List<OwnerReference> waiting = new ArrayList<>();
    for (OwnerReference ref : refs) {
      Optional<Class<? extends HasMetadata>> kind = GcKinds.of(ref);
      if (kind.isEmpty()) {
        solid.add(ref);
        continue;
      }
      String namespace =
          GcKinds.clusterScoped(kind.get()) ? null : object.getMetadata().getNamespace();
      HasMetadata owner = context.client().get(kind.get(), namespace, ref.getName()).orElse(null);
      switch (standing(ref, owner)) {
        case DANGLING -> dangling.add(ref);
        case WAITING -> waiting.add(ref);
        default -> solid.add(ref);
      }
    }
    if (!solid.isEmpty()) {
      if (!dangling.isEmpty() || !waiting.isEmpty()) {
        ControllerRefManager.writeRefs(context.client(), object, solid);
      }
      return SyncResult.DONE;
    }
    if (object.getMetadata().getDeletionTimestamp() == null) {
      DeletionFinisher.delete(context, object, waiting.isEmpty() ? "Background" : "Foreground");
    }
    return SyncResult.DONE;
  }
}
