package io.pilothouse.registry;

import io.pilothouse.store.InvalidContinueTokenException;
import io.pilothouse.store.InvalidSelectorException;
import io.pilothouse.store.ListQuery;
import io.pilothouse.store.ListResult;
import io.pilothouse.store.RevisionCompactedException;
import io.pilothouse.store.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/** The registry's reads: get one object, list a page with selectors. */
final class ObjectReader {

  private final RegistryContext ctx;

  ObjectReader(RegistryContext ctx) {
    this.ctx = ctx;
  }

  ObjectNode get(ResourceType type, String namespace, String name) {
    StoredObject stored =
        ctx.store()
            .get(RegistryContext.key(type, namespace, name))
            .orElseThrow(() -> RegistryErrors.notFound(type, name));
    return ObjectCodec.decode(stored);
  }

  Optional<ObjectNode> find(ResourceType type, String namespace, String name) {
    return ctx.store().get(RegistryContext.key(type, namespace, name)).map(ObjectCodec::decode);
  }

  ObjectList list(ResourceType type, String namespace, ListOptions options) {
    ListQuery.Builder query = ListQuery.of(type.group(), type.resource());
    if (type.namespaced() && namespace != null && !namespace.isEmpty()) {
      query.namespace(namespace);
    }
    try {
      query
          .labelSelector(options.labelSelector())
          .fieldSelector(options.fieldSelector())
          .limit(Math.max(options.limit(), 0))
          .continueToken(emptyToNull(options.continueToken()));
      ListResult result = ctx.store().list(query.build());
      List<ObjectNode> items = new ArrayList<>(result.items().size());
      for (StoredObject stored : result.items()) {
        items.add(ObjectCodec.decode(stored));
      }
      return new ObjectList(
          type,
          items,
          Long.toString(result.revision()),
          result.continueToken(),
          result.remainingItemCount());
    } catch (InvalidSelectorException | InvalidContinueTokenException e) {
      throw RegistryErrors.badRequest(e.getMessage());
    } catch (RevisionCompactedException e) {
      throw RegistryErrors.expired(
          "The provided continue parameter is too old to display a consistent list result. You"
              + " can start a new list without the continue parameter, or use the continue token"
              + " in this response to retrieve the remainder of the results. Continuing with the"
              + " provided token results in an inconsistent list - objects that were created,"
              + " modified, or deleted between the time the first chunk was returned and now may"
              + " show up in the list.");
    }
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
