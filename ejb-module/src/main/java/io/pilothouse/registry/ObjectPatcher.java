package io.pilothouse.registry;

import io.pilothouse.api.StatusException;
import io.pilothouse.registry.patch.PatchException;
import io.pilothouse.registry.patch.PatchSchema;
import io.pilothouse.registry.patch.PatchType;
import io.pilothouse.registry.patch.Patcher;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's patch path: read, apply the patch (JSON, merge or strategic merge), write through
 * the update rules. A conflict on a patch that names no resourceVersion is reported as {@link
 * RetryableConflict}, which the registry retries in a new transaction.
 */
final class ObjectPatcher {

  /**
   * Upstream's storage retries such a patch for as long as it keeps conflicting (each conflict
   * means another write landed, so the retries always progress); a bound only stops a runaway.
   */
  private static final int ATTEMPTS = 1000;

  private final RegistryContext ctx;

  ObjectPatcher(RegistryContext ctx) {
    this.ctx = ctx;
  }

  Patched patch(
      ResourceType type,
      String namespace,
      String name,
      PatchType patchType,
      String patch,
      boolean status,
      WriteOptions options) {
    PatchSchema schema = PatchSchema.forKind(type.group(), type.kind());
    ObjectNode old = new ObjectReader(ctx).get(type, namespace, name);
    ObjectNode patched = apply(type, name, patchType, old, patch, schema);
    List<String> warnings = FieldValidator.checkPatched(type, patched, old, options);
    long expected = ObjectUpdater.expectedRevision(patched);
    boolean pinned = expected != ObjectUpdater.revisionOf(old);
    RequestChecks.typeMatches(type, patched);
    ObjectNode metadata = ObjectNodes.metadata(patched);
    RequestChecks.namespaceMatches(type, namespace, metadata);
    RequestChecks.nameMatches(name, metadata);
    try {
      return new Patched(
          new ObjectUpdater(ctx).write(type, old, patched, expected, status, options, false),
          warnings);
    } catch (StatusException e) {
      throw RetryableConflict.of(e, pinned);
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
}
