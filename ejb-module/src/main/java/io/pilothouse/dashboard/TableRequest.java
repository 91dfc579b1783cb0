package io.pilothouse.dashboard;

import java.io.Serializable;
import java.util.List;

/**
 * What a dashboard table asks for: the namespaces to show (none = all), a name fragment, label and
 * field selectors in their API syntax, the column to sort by ({@code name}, {@code namespace},
 * {@code created} or a selectable field such as {@code status.phase}) and the page.
 */
public record TableRequest(
    List<String> namespaces,
    String nameContains,
    String labelSelector,
    String fieldSelector,
    String sortBy,
    boolean descending,
    int first,
    int pageSize)
    implements Serializable {

  public TableRequest {
    namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    sortBy = sortBy == null || sortBy.isBlank() ? "namespace" : sortBy;
  }

  /** The first {@code size} objects of every namespace, by namespace and name. */
  public static TableRequest firstPage(int size) {
    return new TableRequest(List.of(), null, null, null, null, false, 0, size);
  }

  /** The same request for other namespaces. */
  public TableRequest inNamespaces(List<String> value) {
    return new TableRequest(
        value, nameContains, labelSelector, fieldSelector, sortBy, descending, first, pageSize);
  }

  /** The same request with a field selector. */
  public TableRequest withFieldSelector(String value) {
    return new TableRequest(
        namespaces, nameContains, labelSelector, value, sortBy, descending, first, pageSize);
  }
}
