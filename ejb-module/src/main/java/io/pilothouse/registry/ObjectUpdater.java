package io.pilothouse.registry;

import io.pilothouse.changefeed.ChangeType;
import io.pilothouse.registry.apply.UpdateOwnership;
import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.store.ConflictException;
import io.pilothouse.store.NotFoundException;
import io.pilothouse.store.StoredObject;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's update path, as upstream's {@code Store.Update}: optimistic concurrency on
 * resourceVersion, server-owned metadata carried over, the spec/status split, generation, the
 * kind's validation, no write at all for a no-op, and the final delete when the last finalizer of a
 * deleted object goes.
 */
final class ObjectUpdater {

  private final RegistryContext ctx;

  ObjectUpdater(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /** A PUT of the main resource ({@code status == false}) or of its status subresource. */
  ObjectNode update(
      ResourceType type,
      String namespace,
      String name,
      ObjectNode body,
      boolean status,
      WriteOptions options) {
    RequestChecks.knownFieldsOnly(type, body, options);
    ObjectNode old = new ObjectReader(ctx).get(type, namespace, name);
    ObjectNode object = body.deepCopy();
    RequestChecks.typeMatches(type, object);
    ObjectNode metadata = ObjectNodes.metadata(object);
    RequestChecks.namespaceMatches(type, namespace, metadata);
    RequestChecks.nameMatches(name, metadata);
    return write(type, old, object, expectedRevision(object), status, options, false);
  }

  /**
   * Writes {@code object} over {@code old} after the update rules; {@code expectedRevision} 0 means
   * unconditional. {@code applied} says that {@code object} is the result of a server-side apply,
   * whose managed fields are already set; otherwise the write's changes are recorded as its
   * manager's {@code Update} ({@link UpdateOwnership}), or, for a status write, kept as they were.
   */
  ObjectNode write(
      ResourceType type,
      ObjectNode old,
      ObjectNode object,
      long expectedRevision,
      boolean status,
      WriteOptions options,
      boolean applied) {
    String name = ObjectNodes.name(old);
    long current = revisionOf(old);
    FieldValidator.prune(type, object);
    if (expectedRevision != 0 && expectedRevision != current) {
      throw RegistryErrors.conflict(type, name);
    }
    checkUid(type, name, object, old);
    ObjectNode metadata = ObjectNodes.metadata(object);
    ObjectMetaWriter.carryOver(metadata, ObjectNodes.metadata(old));
    if (status) {
      type.strategy().prepareForStatusUpdate(object, old);
    } else {
      type.strategy().prepareForUpdate(object, old);
    }
    if (status) {
      ObjectMetaWriter.carryManagedFields(metadata, ObjectNodes.metadata(old));
    } else if (!applied) {
      new UpdateOwnership(type.group(), type.kind())
          .record(
              old,
              object,
              options.manager(),
              type.apiVersion(),
              ObjectMetaWriter.timestamp(ctx.now()));
    }
    Generation.bumpIfSpecChanged(type, object, old);
    List<FieldError> errors =
        new ArrayList<>(
            MetadataChecks.validateUpdate(type, metadata, ObjectNodes.metadata(old.deepCopy())));
    errors.addAll(type.strategy().validateUpdate(object, old));
    if (errors.isEmpty() && !status && RegistryContext.isService(type)) {
      errors.addAll(
          new ServiceAllocator(ctx, ctx.serviceNetwork()).allocate(object, old, options.dryRun()));
    }
    if (!errors.isEmpty()) {
      throw RegistryErrors.invalid(type, name, errors);
    }
    metadata.put("resourceVersion", Long.toString(current));
    if (ObjectNodes.sameJson(object, old) || options.dryRun()) {
      return object;
    }
    if (Finalizers.readyToDelete(type, object)) {
      return new ObjectDeleter(ctx).deleteNow(type, object, current);
    }
    return store(type, object, current);
  }

  /**
   * Writes the deletion state a delete computed: removes the object if nothing holds it any more,
   * otherwise stores it with its deletionTimestamp and finalizers.
   */
  DeleteResult writeDeletion(ResourceType type, ObjectNode old, ObjectNode object, boolean dryRun) {
    long current = revisionOf(old);
    if (Finalizers.readyToDelete(type, object)) {
      ObjectNode last = dryRun ? old : new ObjectDeleter(ctx).deleteNow(type, old, current);
      return new DeleteResult(last, true);
    }
    if (dryRun || ObjectNodes.sameJson(object, old)) {
      return new DeleteResult(object, false);
    }
    return new DeleteResult(store(type, object, current), false);
  }

  /**
   * Writes a change the server itself computed (a binding, a namespace's finalize) without the
   * kind's update strategy, as upstream's subresource storages do.
   */
  ObjectNode writeRaw(ResourceType type, ObjectNode old, ObjectNode object) {
    long current = revisionOf(old);
    ObjectNodes.metadata(object).put("resourceVersion", Long.toString(current));
    if (ObjectNodes.sameJson(object, old)) {
      return object;
    }
    if (Finalizers.readyToDelete(type, object)) {
      return new ObjectDeleter(ctx).deleteNow(type, object, current);
    }
    return store(type, object, current);
  }

  private ObjectNode store(ResourceType type, ObjectNode object, long expectedRevision) {
    String name = ObjectNodes.name(object);
    try {
      StoredObject stored =
          ctx.store()
              .update(
                  RegistryContext.key(type, ObjectNodes.namespace(object), name),
                  expectedRevision,
                  ObjectCodec.encode(object),
                  ObjectCodec.index(type, object));
      ctx.announce(stored, ChangeType.MODIFIED);
      return ObjectCodec.decode(stored);
    } catch (ConflictException e) {
      throw RegistryErrors.conflict(type, name);
    } catch (NotFoundException e) {
      throw RegistryErrors.notFound(type, name);
    }
  }

  private static void checkUid(ResourceType type, String name, ObjectNode object, ObjectNode old) {
    String uid = ObjectNodes.text(object, "metadata.uid");
    String oldUid = ObjectNodes.text(old, "metadata.uid");
    if (uid != null && !uid.isEmpty() && !uid.equals(oldUid)) {
      throw RegistryErrors.preconditionFailed(
          type, name, "UID in precondition: " + uid + ", UID in object meta: " + oldUid);
    }
  }

  static long expectedRevision(ObjectNode object) {
    String resourceVersion = ObjectNodes.text(object, "metadata.resourceVersion");
    if (resourceVersion == null || resourceVersion.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(resourceVersion);
    } catch (NumberFormatException e) {
      throw RegistryErrors.badRequest("invalid resourceVersion: " + resourceVersion);
    }
  }

  static long revisionOf(JsonNode object) {
    return Long.parseLong(ObjectNodes.text(object, "metadata.resourceVersion"));
  }
}
