package io.pilothouse.store.watch;

import io.pilothouse.store.EventType;
import io.pilothouse.store.FieldSelector;
import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.LabelSelector;
import io.pilothouse.store.StoreEvent;
import java.util.Map;
import java.util.Optional;

/**
 * What one watch wants to see: a resource (or any, when group and resource are {@code null}), a
 * namespace ({@code null} = all) and label and field selectors. {@link #apply} gives upstream's
 * watch-cache transitions: an object entering the selection arrives as ADDED, one changing inside
 * it as MODIFIED, one leaving it (or deleted inside it) as DELETED with its last selected body.
 */
public final class WatchFilter {

  private final String group;
  private final String resource;
  private final String namespace;
  private final LabelSelector labelSelector;
  private final FieldSelector fieldSelector;

  public WatchFilter(
      String group,
      String resource,
      String namespace,
      LabelSelector labelSelector,
      FieldSelector fieldSelector) {
    this.group = group;
    this.resource = resource;
    this.namespace = namespace;
    this.labelSelector = labelSelector == null ? LabelSelector.everything() : labelSelector;
    this.fieldSelector = fieldSelector == null ? FieldSelector.everything() : fieldSelector;
  }

  /** Every event of one resource in every namespace. */
  public static WatchFilter resource(String group, String resource) {
    return new WatchFilter(group, resource, null, null, null);
  }

  /** Every event of every resource. */
  public static WatchFilter everything() {
    return new WatchFilter(null, null, null, null, null);
  }

  /**
   * The event as this watch must see it, or empty when it does not concern the watch.
   *
   * @param event an event carrying the indexed fields of the object after and before the change
   */
  public Optional<StoreEvent> apply(StoreEvent event) {
    if (!inScope(event)) {
      return Optional.empty();
    }
    boolean now = event.type() != EventType.DELETED && selects(event, event.fields());
    boolean before =
        event.type() != EventType.ADDED
            && event.prevFields() != null
            && selects(event, event.prevFields());
    if (now && before) {
      return Optional.of(event.as(EventType.MODIFIED, event.body(), event.fields()));
    }
    if (now) {
      return Optional.of(event.as(EventType.ADDED, event.body(), event.fields()));
    }
    if (before) {
      return Optional.of(event.as(EventType.DELETED, event.prevBody(), event.prevFields()));
    }
    return Optional.empty();
  }

  private boolean inScope(StoreEvent event) {
    return (resource == null || resource.equals(event.key().resource()))
        && (group == null || group.equals(event.key().group()))
        && (namespace == null || namespace.equals(event.key().namespace()));
  }

  private boolean selects(StoreEvent event, IndexedFields fields) {
    IndexedFields f = fields == null ? IndexedFields.EMPTY : fields;
    Map<String, String> labels = f.labels();
    return labelSelector.matches(labels) && fieldSelector.matches(event.key(), f.fields());
  }

  @Override
  public String toString() {
    return "WatchFilter["
        + group
        + "/"
        + resource
        + " ns="
        + namespace
        + " labels="
        + labelSelector
        + " fields="
        + fieldSelector
        + "]";
  }
}
