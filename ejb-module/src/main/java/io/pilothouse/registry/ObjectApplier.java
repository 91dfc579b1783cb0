package io.pilothouse.registry;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import io.pilothouse.registry.apply.ServerSideApply;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's server-side apply path ({@code PATCH} with {@code application/apply-patch+yaml}):
 * creates the object from the configuration when there is none, otherwise merges the configuration
 * into it through {@link ServerSideApply} and writes the result by the update rules. A conflict on
 * the store write of an apply that names no resourceVersion is a {@link RetryableConflict}, as for
 * patches; a conflict between field managers is the client's to resolve (409).
 */
final class ObjectApplier {

  private final RegistryContext ctx;

  ObjectApplier(RegistryContext ctx) {
    this.ctx = ctx;
  }

  Applied apply(
      ResourceType type, String namespace, String name, ObjectNode config, WriteOptions options) {
    ObjectNode applied = config.deepCopy();
    requireTypeNamed(applied);
    RequestChecks.typeMatches(type, applied);
    ObjectNode metadata = ObjectNodes.metadata(applied);
    RequestChecks.namespaceMatches(type, namespace, metadata);
    RequestChecks.nameMatches(name, metadata);
    FieldValidator.prune(type, applied);
    ServerSideApply apply = new ServerSideApply(type.group(), type.kind());
    String now = ObjectMetaWriter.timestamp(ctx.now());
    Optional<ObjectNode> live = new ObjectReader(ctx).find(type, namespace, name);
    if (live.isEmpty()) {
      ObjectNode object = apply.create(applied, options.manager(), type.apiVersion(), now);
      try {
        return new Applied(new ObjectCreator(ctx).create(type, namespace, object, options), true);
      } catch (StatusException e) {
        throw StatusReasons.ALREADY_EXISTS.equals(e.reason())
            ? RetryableConflict.of(RegistryErrors.conflict(type, name), false)
            : e;
      }
    }
    ObjectNode old = live.get();
    ObjectNode merged =
        apply.apply(old, applied, options.manager(), options.force(), type.apiVersion(), now);
    long expected = ObjectUpdater.expectedRevision(merged);
    boolean pinned = expected != ObjectUpdater.revisionOf(old);
    try {
      return new Applied(
          new ObjectUpdater(ctx).write(type, old, merged, expected, false, options, true), false);
    } catch (StatusException e) {
      throw RetryableConflict.of(e, pinned);
    }
  }

  /** Upstream refuses an applied configuration without apiVersion or kind (400). */
  private static void requireTypeNamed(ObjectNode config) {
    for (String field : new String[] {"apiVersion", "kind"}) {
      String value = ObjectNodes.text(config, field);
      if (value == null || value.isEmpty()) {
        throw RegistryErrors.badRequest(
            "Object '"
                + (field.equals("kind") ? "Kind" : "apiVersion")
                + "' is missing in the applied configuration");
      }
    }
  }
}
