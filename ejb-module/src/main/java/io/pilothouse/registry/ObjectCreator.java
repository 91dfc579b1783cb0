package io.pilothouse.registry;

import io.pilothouse.changefeed.ChangeType;
import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.store.AlreadyExistsException;
import io.pilothouse.store.ObjectStore;
import io.pilothouse.store.StoredObject;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's create path, as upstream's {@code Store.Create}: type and namespace checks,
 * server-owned metadata, the kind's defaults and validation, then one store write announced after
 * commit.
 */
final class ObjectCreator {

  private final RegistryContext ctx;

  ObjectCreator(RegistryContext ctx) {
    this.ctx = ctx;
  }

  /** Creates the object in the caller's transaction. */
  ObjectNode create(ResourceType type, String namespace, ObjectNode body, WriteOptions options) {
    PreparedCreate prepared = prepare(type, namespace, body, options);
    if (options.dryRun()) {
      return prepared.object();
    }
    return ObjectCodec.decode(store(prepared, true));
  }

  /**
   * Everything a create does before its store write: checks, server-owned metadata, defaults,
   * validation, the namespace's lifecycle and, for Services, the cluster IP and node ports (which
   * lock the store's writes, so a Service's create must go on in the same transaction).
   */
  PreparedCreate prepare(
      ResourceType type, String namespace, ObjectNode body, WriteOptions options) {
    RequestChecks.knownFieldsOnly(type, body, options);
    ObjectNode object = body.deepCopy();
    FieldValidator.prune(type, object);
    RequestChecks.typeMatches(type, object);
    ObjectNode metadata = ObjectNodes.metadata(object);
    RequestChecks.namespaceMatches(type, namespace, metadata);
    String resourceVersion = ObjectNodes.text(object, "metadata.resourceVersion");
    if (resourceVersion != null && !resourceVersion.isEmpty()) {
      throw RegistryErrors.badRequest("resourceVersion should not be set on objects to be created");
    }
    ObjectMetaWriter.beforeCreate(metadata, type.strategy().tracksGeneration(), ctx.now());
    type.strategy().prepareForCreate(object);
    String name = ObjectNodes.name(object);
    List<FieldError> errors = new ArrayList<>(MetadataChecks.validate(type, metadata));
    errors.addAll(type.strategy().validate(object));
    if (!errors.isEmpty()) {
      throw RegistryErrors.invalid(type, name, errors);
    }
    if (type.namespaced()) {
      new NamespaceGuard(ctx).requireActive(type, name, namespace);
    }
    if (RegistryContext.isService(type)) {
      errors.addAll(
          new ServiceAllocator(ctx, ctx.serviceNetwork()).allocate(object, null, options.dryRun()));
      if (!errors.isEmpty()) {
        throw RegistryErrors.invalid(type, name, errors);
      }
    }
    return new PreparedCreate(
        type,
        RegistryContext.key(type, namespace, name),
        ObjectNodes.text(object, "metadata.uid"),
        ObjectCodec.encode(object),
        ObjectCodec.index(type, object),
        object);
  }

  /**
   * The store write of a prepared create, announced after commit. A taken key is refused with 409:
   * before anything is written when {@code checked}, else (in a batch, which then rolls back) once
   * the row is written.
   */
  StoredObject store(PreparedCreate prepared, boolean checked) {
    ObjectStore store = ctx.store();
    try {
      StoredObject stored =
          checked
              ? store.create(prepared.key(), prepared.uid(), prepared.body(), prepared.index())
              : store.createUnchecked(
                  prepared.key(), prepared.uid(), prepared.body(), prepared.index());
      ctx.announce(stored, ChangeType.ADDED);
      return stored;
    } catch (AlreadyExistsException e) {
      throw RegistryErrors.alreadyExists(prepared.type(), prepared.key().name());
    }
  }
}
