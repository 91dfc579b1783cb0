package io.pilothouse.dashboard;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The filter bar of a namespaced table: several namespaces at once and one search box that takes
 * either a name fragment or, when it holds {@code =}, {@code !} or {@code in (}, a label selector.
 */
public class TableFilters implements Serializable {

  private static final long serialVersionUID = 1L;

  private List<String> namespaces = new ArrayList<>();
  private String search;

  /** The request with these filters applied. */
  public TableRequest apply(TableRequest request) {
    String text = search == null ? "" : search.trim();
    boolean selector = text.contains("=") || text.contains("!") || text.contains(" in (");
    return new TableRequest(
        namespaces,
        selector ? null : text,
        selector ? text : null,
        request.fieldSelector(),
        request.sortBy(),
        request.descending(),
        request.first(),
        request.pageSize());
  }

  public List<String> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<String> namespaces) {
    this.namespaces = namespaces == null ? new ArrayList<>() : new ArrayList<>(namespaces);
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }
}
