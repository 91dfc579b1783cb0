package io.pilothouse.printing;

/**
 * The {@code includeObject} query parameter of a Table request: what each row carries besides its
 * cells. kubectl asks for {@code Metadata} (the default) so that it can add namespace and label
 * columns itself.
 */
public enum IncludeObject {
  /** No object: the row has cells only. */
  NONE("None"),
  /** A {@code meta.k8s.io/v1 PartialObjectMetadata} holding the object's metadata. */
  METADATA("Metadata"),
  /** The whole object as stored. */
  OBJECT("Object");

  private final String wireName;

  IncludeObject(String wireName) {
    this.wireName = wireName;
  }

  /** The value as it appears in the query string. */
  public String wireName() {
    return wireName;
  }

  /**
   * Parses the query parameter as kube-apiserver does: absent or empty means {@code Metadata}.
   *
   * @throws IllegalArgumentException with kube-apiserver's BadRequest message for other values
   */
  public static IncludeObject fromQueryParameter(String value) {
    if (value == null || value.isEmpty()) {
      return METADATA;
    }
    for (IncludeObject policy : values()) {
      if (policy.wireName.equals(value)) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "Unable to convert to Table as requested: includeObject: Invalid value: \""
            + value
            + "\": must be 'Metadata', 'Object', 'None', or empty");
  }
}
