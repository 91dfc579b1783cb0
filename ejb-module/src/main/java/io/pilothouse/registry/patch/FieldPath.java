package io.pilothouse.registry.patch;

/**
 * Where the strategic merge is inside the object: the field names from the root, list indices left
 * out, so {@code spec.template.spec.containers[0].ports} is {@code
 * spec.template.spec.containers.ports}. Built one field at a time while the merge descends.
 */
public record FieldPath(FieldPath parent, String name) {

  public static final FieldPath ROOT = new FieldPath(null, null);

  public FieldPath child(String field) {
    return new FieldPath(this, field);
  }

  public boolean isRoot() {
    return parent == null;
  }

  /** Whether the last fields of this path are {@code suffix}, compared field by field. */
  boolean endsWith(String[] suffix) {
    FieldPath at = this;
    for (int i = suffix.length - 1; i >= 0; i--) {
      if (at.isRoot() || !at.name.equals(suffix[i])) {
        return false;
      }
      at = at.parent;
    }
    return true;
  }

  @Override
  public String toString() {
    if (isRoot()) {
      return "<root>";
    }
    return parent.isRoot() ? name : parent + "." + name;
  }
}
