package io.pilothouse.store;

import java.util.List;
import java.util.Objects;

/**
 * What a dashboard table asks for: one page at an offset of the objects of one resource, in any of
 * several namespaces (none = all), matching label and field selectors, a name fragment and
 * optionally one selectable field among several values, sorted by a column. Unlike {@link
 * ListQuery}'s keyset pages, offset pages let a table jump to any page and sort by any column.
 */
public record PageQuery(
    String group,
    String resource,
    List<String> namespaces,
    LabelSelector labelSelector,
    FieldSelector fieldSelector,
    String nameContains,
    FieldIn fieldIn,
    Sort sort,
    int offset,
    int limit) {

  public PageQuery {
    group = group == null ? "" : group;
    Objects.requireNonNull(resource, "resource");
    namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    labelSelector = labelSelector == null ? LabelSelector.everything() : labelSelector;
    fieldSelector = fieldSelector == null ? FieldSelector.everything() : fieldSelector;
    nameContains = nameContains == null || nameContains.isBlank() ? null : nameContains.trim();
    sort = sort == null ? Sort.BY_NAMESPACE_AND_NAME : sort;
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must not be negative");
    }
  }

  /** Starts a query over every object of one resource. */
  public static Builder of(String group, String resource) {
    return new Builder(group, resource);
  }

  /** A selectable field (e.g. {@code spec.nodeName}) that must hold one of the values. */
  public record FieldIn(String path, List<String> values) {
    public FieldIn {
      Objects.requireNonNull(path, "path");
      values = List.copyOf(values);
    }
  }

  /**
   * The order of a page: by {@code name}, {@code namespace}, {@code created} (creation order, i.e.
   * age) or by a selectable field path such as {@code status.phase}; ties by namespace and name.
   */
  public record Sort(String by, boolean descending) {
    public static final String NAME = "name";
    public static final String NAMESPACE = "namespace";
    public static final String CREATED = "created";
    public static final Sort BY_NAMESPACE_AND_NAME = new Sort(NAMESPACE, false);

    public Sort {
      Objects.requireNonNull(by, "by");
    }
  }

  /** Fluent construction of a {@link PageQuery}. */
  public static final class Builder {
    private final String group;
    private final String resource;
    private List<String> namespaces = List.of();
    private LabelSelector labelSelector;
    private FieldSelector fieldSelector;
    private String nameContains;
    private FieldIn fieldIn;
    private Sort sort;
    private int offset;
    private int limit;

    private Builder(String group, String resource) {
      this.group = group;
      this.resource = resource;
    }

    public Builder namespaces(List<String> value) {
      this.namespaces = value;
      return this;
    }

    public Builder labelSelector(String value) {
      this.labelSelector = LabelSelector.parse(value);
      return this;
    }

    public Builder fieldSelector(String value) {
      this.fieldSelector = FieldSelector.parse(value);
      return this;
    }

    public Builder nameContains(String value) {
      this.nameContains = value;
      return this;
    }

    public Builder fieldIn(String path, List<String> values) {
      this.fieldIn = new FieldIn(path, values);
      return this;
    }

    public Builder sort(String by, boolean descending) {
      this.sort = new Sort(by, descending);
      return this;
    }

    public Builder page(int first, int size) {
      this.offset = first;
      this.limit = size;
      return this;
    }

    public PageQuery build() {
      return new PageQuery(
          group,
          resource,
          namespaces,
          labelSelector,
          fieldSelector,
          nameContains,
          fieldIn,
          sort,
          offset,
          limit);
    }
  }
}
