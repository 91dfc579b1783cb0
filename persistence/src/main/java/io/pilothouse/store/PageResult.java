package io.pilothouse.store;

import java.util.List;

/**
 * One offset page of a {@link PageQuery}: its objects, how many objects match in all (for the
 * table's paginator), and the store revision read before the page.
 */
public record PageResult(List<StoredObject> items, long total, long revision) {

  public PageResult {
    items = List.copyOf(items);
  }
}
