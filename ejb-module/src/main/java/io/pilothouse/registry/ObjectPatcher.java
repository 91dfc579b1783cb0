package io.pilothouse.registry;

import io.pilothouse.api.StatusException;
import io.pilothouse.registry.patch.PatchException;
import io.pilothouse.registry.patch.PatchSchema;
import io.pilothouse.registry.patch.PatchType;
import io.pilothouse.registry.patch.Patcher;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's patch path: read, apply the patch (JSON, merge or strategic merge), write through
 * the update rules. A patch that names no resourceVersion is retried on a conflict, as upstream
 * does, because it expresses an intent rather than a full state.
 */
final class ObjectPatcher {

  private static final int ATTEMPTS = 5;

  private final RegistryContext ctx;

  ObjectPatcher(RegistryContext ctx) {
    this.ctx = ctx;
  }

  ObjectNode patch(
      ResourceType type,
      String namespace,
      String name,
      PatchType patchType,
      String patch,
      boolean status,
      WriteOptions options) {
    PatchSchema schema = PatchSchema.forKind(type.group(), type.kind());
    for (int attempt = 1; ; attempt++) {
      ObjectNode old = new ObjectReader(ctx).get(type, namespace, name);
      ObjectNode patched = apply(type, name, patchType, old, patch, schema);
      long expected = ObjectUpdater.expectedRevision(patched);
      boolean pinned = expected != ObjectUpdater.revisionOf(old);
      RequestChecks.typeMatches(type, patched);
      ObjectNode metadata = ObjectNodes.metadata(patched);
      RequestChecks.namespaceMatches(type, namespace, metadata);
      RequestChecks.nameMatches(name, metadata);
      try {
        return new ObjectUpdater(ctx).write(type, old, patched, expected, status, options);
      } catch (StatusException e) {
        if (pinned || e.code() != 409 || attempt == ATTEMPTS || !isConflict(e)) {
          throw e;
        }
      }
    }
  }

  /** Applies a patch to a node, with the registry's error mapping. */
  static ObjectNode applyTo(
      ResourceType type,
      String name,
      PatchType patchType,
      ObjectNode old,
      String patch,
      PatchSchema schema) {
    return apply(type, name, patchType, old, patch, schema);
  }

  private static ObjectNode apply(
      ResourceType type,
      String name,
      PatchType patchType,
      ObjectNode old,
      String patch,
      PatchSchema schema) {
    try {
      return Patcher.apply(patchType, old, patch, schema);
    } catch (PatchException e) {
      if (e.kind() == PatchException.Kind.MALFORMED) {
        throw RegistryErrors.badRequest(e.getMessage());
      }
      throw RegistryErrors.unprocessablePatch(type, name, e.getMessage());
    }
  }

  private static boolean isConflict(StatusException e) {
    return "Conflict".equals(e.reason());
  }
}
