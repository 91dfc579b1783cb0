package io.pilothouse.controller.garbagecollector;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pilothouse.api.StatusException;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.SyncResult;
import io.pilothouse.controller.util.Conflicts;
import io.pilothouse.controller.util.ControllerRefManager;
import io.pilothouse.controller.util.OwnerRefs;
import io.pilothouse.json.KubernetesJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finishes the deletion of an owner that holds a garbage-collector finalizer: {@code orphan} strips
 * its references from the dependents, {@code foregroundDeletion} deletes them (Foreground for those
 * that block the owner) and waits for the blocking ones to be gone; then the finalizer is removed
 * and the registry removes the owner if nothing else holds it.
 */
final class DeletionFinisher {

  /** Dependent deletions are not announced to the owner's key: look again this soon. */
  static final Duration POLL = Duration.ofSeconds(1);

  private DeletionFinisher() {}

  static SyncResult orphanDependents(ControllerContext context, HasMetadata owner) {
    String uid = owner.getMetadata().getUid();
    for (Dependents.Dependent d : Dependents.of(context.client(), owner)) {
      ControllerRefManager.writeRefs(
          context.client(), d.object(), OwnerRefs.without(d.object(), uid));
    }
    removeFinalizer(context, owner, GarbageCollector.ORPHAN);
    return SyncResult.DONE;
  }

  static SyncResult deleteDependents(ControllerContext context, HasMetadata owner) {
    boolean blocked = false;
    for (Dependents.Dependent d : Dependents.of(context.client(), owner)) {
      if (d.blocking()) {
        blocked = true;
      }
      if (!d.deleting()) {
        delete(context, d.object(), d.blocking() ? "Foreground" : "Background");
      }
    }
    if (blocked) {
      return SyncResult.after(POLL);
    }
    removeFinalizer(context, owner, GarbageCollector.FOREGROUND);
    return SyncResult.DONE;
  }

  static void delete(ControllerContext context, HasMetadata object, String policy) {
    try {
      context
          .client()
          .delete(
              object.getClass(),
              object.getMetadata().getNamespace(),
              object.getMetadata().getName(),
              policy,
              object.getMetadata().getUid(),
              null);
    } catch (StatusException e) {
      if (!Conflicts.isRace(e)) {
        throw e;
      }
    }
  }

  /** Removes one finalizer, guarded by the resourceVersion read. */
  private static void removeFinalizer(
      ControllerContext context, HasMetadata owner, String finalizer) {
    List<String> rest = new ArrayList<>(GarbageCollector.finalizers(owner));
    rest.remove(finalizer);
    String patch =
        KubernetesJson.mapper()
            .writeValueAsString(
                Map.of(
                    "metadata",
                    Map.of(
                        "finalizers",
                        rest,
                        "resourceVersion",
                        owner.getMetadata().getResourceVersion())));
    context
        .client()
        .mergePatch(
            owner.getClass(),
            owner.getMetadata().getNamespace(),
            owner.getMetadata().getName(),
            patch,
            false);
  }
}
