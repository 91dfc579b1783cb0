package io.pilothouse.dashboard;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A PrimeFaces lazy table model over one of the dashboard's paged queries: it turns the table's
 * page and sort into a {@link TableRequest} (filters come from the page's own filter fields) and
 * asks the service for exactly that page. Holds no data beyond the current page.
 */
public class PagedModel<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /** A serializable page loader. */
  public interface Loader<T> extends Function<TableRequest, Page<T>>, Serializable {}

  /** A serializable row key. */
  public interface Key<T> extends Function<T, String>, Serializable {}

  /** A serializable source of the request's filters (namespaces, search...). */
  public interface Filters extends Serializable {
    TableRequest apply(TableRequest request);
  }

  private final Loader<T> loader;
  private final Key<T> key;
  private final Filters filters;
  private final Map<String, String> sortColumns;
  private transient List<T> rows = List.of();
  private String defaultSort;

  /**
   * @param sortColumns the table's sortable fields mapped to the store's sort keys; a key starting
   *     with {@code -} sorts the other way (age ascending is creation descending)
   */
  public PagedModel(
      Loader<T> loader, Key<T> key, Filters filters, Map<String, String> sortColumns) {
    this.loader = loader;
    this.key = key;
    this.filters = filters;
    this.sortColumns = Map.copyOf(sortColumns);
  }

  /** The sort used until the user sorts ({@code -created}: newest first). */
  public PagedModel<T> withDefaultSort(String sort) {
    this.defaultSort = sort;
    return this;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) safely(request(0, 0, Map.of())).total();
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    Page<T> page = safely(request(first, pageSize, sortBy));
    setRowCount((int) page.total());
    rows = page.rows();
    return rows;
  }

  /** The page, or an empty one with the failure as a message (a bad selector, say). */
  private Page<T> safely(TableRequest request) {
    try {
      return loader.apply(request);
    } catch (RuntimeException e) {
      Feedback.report(e, null);
      return new Page<>(List.of(), 0);
    }
  }

  private TableRequest request(int first, int pageSize, Map<String, SortMeta> sortBy) {
    String sort = defaultSort;
    boolean descending = false;
    for (SortMeta meta : sortBy.values()) {
      if (meta.getOrder() != SortOrder.UNSORTED && sortColumns.containsKey(meta.getField())) {
        sort = sortColumns.get(meta.getField());
        descending = meta.getOrder() == SortOrder.DESCENDING;
        break;
      }
    }
    if (sort != null && sort.startsWith("-")) {
      sort = sort.substring(1);
      descending = !descending;
    }
    return filters.apply(
        new TableRequest(List.of(), null, null, null, sort, descending, first, pageSize));
  }

  @Override
  public String getRowKey(T row) {
    return key.apply(row);
  }

  @Override
  public T getRowData(String rowKey) {
    return rows == null
        ? null
        : rows.stream().filter(r -> key.apply(r).equals(rowKey)).findFirst().orElse(null);
  }
}
