package io.pilothouse.store;

import java.util.Objects;

/**
 * What a list asks for: one resource, optionally one namespace ({@code null} = all namespaces),
 * label and field selectors, an optional owner uid (the objects a garbage collector looks for), a
 * page size ({@code 0} = no limit) and the continue token of the previous page.
 */
public record ListQuery(
    String group,
    String resource,
    String namespace,
    LabelSelector labelSelector,
    FieldSelector fieldSelector,
    int limit,
    String continueToken,
    String ownerUid) {

  public ListQuery {
    group = group == null ? "" : group;
    Objects.requireNonNull(resource, "resource");
    labelSelector = labelSelector == null ? LabelSelector.everything() : labelSelector;
    fieldSelector = fieldSelector == null ? FieldSelector.everything() : fieldSelector;
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    continueToken = continueToken == null || continueToken.isEmpty() ? null : continueToken;
  }

  /** Starts a query over every object of one resource. */
  public static Builder of(String group, String resource) {
    return new Builder(group, resource);
  }

  /** Fluent construction of a {@link ListQuery}. */
  public static final class Builder {
    private final String group;
    private final String resource;
    private String namespace;
    private LabelSelector labelSelector;
    private FieldSelector fieldSelector;
    private int limit;
    private String continueToken;
    private String ownerUid;

    private Builder(String group, String resource) {
      this.group = group;
      this.resource = resource;
    }

    public Builder namespace(String value) {
      this.namespace = value;
      return this;
    }

    public Builder labelSelector(LabelSelector value) {
      this.labelSelector = value;
      return this;
    }

    public Builder labelSelector(String value) {
      return labelSelector(LabelSelector.parse(value));
    }

    public Builder fieldSelector(FieldSelector value) {
      this.fieldSelector = value;
      return this;
    }

    public Builder fieldSelector(String value) {
      return fieldSelector(FieldSelector.parse(value));
    }

    public Builder limit(int value) {
      this.limit = value;
      return this;
    }

    public Builder continueToken(String value) {
      this.continueToken = value;
      return this;
    }

    public Builder ownerUid(String value) {
      this.ownerUid = value;
      return this;
    }

    public ListQuery build() {
      return new ListQuery(
          group, resource, namespace, labelSelector, fieldSelector, limit, continueToken, ownerUid);
    }
  }
}
