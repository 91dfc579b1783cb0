package io.pilothouse.dashboard;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import io.pilothouse.registry.ObjectCodec;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.ResourceTypes;
import io.pilothouse.registry.StoreSettings;
import io.pilothouse.store.InvalidSelectorException;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.ObjectRevision;
import io.pilothouse.store.PageQuery;
import io.pilothouse.store.PageResult;
import io.pilothouse.store.jpa.JpaObjectStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboard's reads of the store: offset pages for lazy tables (filtered and sorted in SQL,
 * only the page decoded), single objects and their retained history. Reads only; every write goes
 * through {@link io.pilothouse.registry.ObjectRegistry}.
 */
@Stateless
public class ObjectQueries {

  @PersistenceContext(unitName = "pilothouse")
  private EntityManager em;

  @Inject private StoreSettings settings;
  @Inject private ResourceTypes types;

  private JpaObjectStore store() {
    return settings.store(em);
  }

  /** The served resource {@code resource} of {@code group}. */
  public ResourceType type(String group, String resource) {
    return types
        .find(group, "v1", resource)
        .orElseThrow(
            () ->
                new StatusException(
                    404, StatusReasons.NOT_FOUND, "the server does not serve " + resource));
  }

  /** One page of a resource's objects as the table asks. */
  public Page<ObjectNode> page(ResourceType type, TableRequest request) {
    return page(type, request, null);
  }

  /** One page, further restricted to objects whose selectable field holds one of the values. */
  public Page<ObjectNode> page(ResourceType type, TableRequest request, PageQuery.FieldIn fieldIn) {
    try {
      PageQuery.Builder query =
          PageQuery.of(type.group(), type.resource())
              .namespaces(type.namespaced() ? request.namespaces() : List.of())
              .nameContains(request.nameContains())
              .labelSelector(request.labelSelector())
              .fieldSelector(request.fieldSelector())
              .sort(request.sortBy(), request.descending())
              .page(request.first(), request.pageSize());
      if (fieldIn != null) {
        query.fieldIn(fieldIn.path(), fieldIn.values());
      }
      PageResult result = store().page(query.build());
      return new Page<>(result.items().stream().map(ObjectCodec::decode).toList(), result.total());
    } catch (InvalidSelectorException | IllegalArgumentException e) {
      throw new StatusException(400, StatusReasons.BAD_REQUEST, e.getMessage());
    }
  }

  /** How many objects of a resource match a field selector (e.g. pods by phase). */
  public long count(ResourceType type, String fieldSelector) {
    return store()
        .page(
            PageQuery.of(type.group(), type.resource())
                .fieldSelector(fieldSelector)
                .page(0, 0)
                .build())
        .total();
  }

  /** The object, if it exists. */
  public Optional<ObjectNode> find(ResourceType type, String namespace, String name) {
    return store().get(key(type, namespace, name)).map(ObjectCodec::decode);
  }

  /** The object's retained revisions, newest first. */
  public List<ObjectRevision> history(ResourceType type, String namespace, String name, int max) {
    return store().history(key(type, namespace, name), max);
  }

  private static ObjectKey key(ResourceType type, String namespace, String name) {
    return new ObjectKey(type.group(), type.resource(), type.namespaced() ? namespace : "", name);
  }
}
