package io.pilothouse.registry;

import io.pilothouse.changefeed.ChangeType;
import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.store.AlreadyExistsException;
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

  ObjectNode create(ResourceType type, String namespace, ObjectNode body, WriteOptions options) {
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
    if (options.dryRun()) {
      return object;
    }
    try {
      StoredObject stored =
          ctx.store()
              .create(
                  RegistryContext.key(type, namespace, name),
                  ObjectNodes.text(object, "metadata.uid"),
                  ObjectCodec.encode(object),
                  ObjectCodec.index(type, object));
      ctx.announce(stored, ChangeType.ADDED);
      return ObjectCodec.decode(stored);
    } catch (AlreadyExistsException e) {
      throw RegistryErrors.alreadyExists(type, name);
    }
  }
}
