package io.pilothouse.registry.patch;

/**
 * How a strategic merge patch treats one field, the Java form of upstream's struct tags {@code
 * patchStrategy:"merge" patchMergeKey:"name"}.
 *
 * @param merge lists are merged ({@code patchStrategy:"merge"}): element-wise by {@code mergeKey}
 *     for lists of objects, as a set union for lists of primitives
 * @param mergeKey the field that identifies an element of a merged list of objects, or null
 * @param retainKeys the field carries {@code patchStrategy:"retainKeys"}; clients send {@code
 *     $retainKeys} for it (the patch applies {@code $retainKeys} wherever a client sends it)
 * @param replace maps are replaced whole ({@code patchStrategy:"replace"}) instead of merged
 */
public record FieldStrategy(boolean merge, String mergeKey, boolean retainKeys, boolean replace) {

  /** No tag: maps merge recursively, lists are replaced. */
  public static final FieldStrategy ATOMIC_LIST = new FieldStrategy(false, null, false, false);

  /** A list of objects merged by {@code key}. */
  public static FieldStrategy mergeByKey(String key) {
    return new FieldStrategy(true, key, false, false);
  }

  /** A list of primitives merged as a set (e.g. {@code metadata.finalizers}). */
  public static FieldStrategy mergePrimitives() {
    return new FieldStrategy(true, null, false, false);
  }

  /** A map whose absent keys a client may clear with {@code $retainKeys}. */
  public static FieldStrategy retainKeysOnly() {
    return new FieldStrategy(false, null, true, false);
  }

  /** A map replaced whole by the patch (e.g. a PodDisruptionBudget's {@code spec.selector}). */
  public static FieldStrategy replaceWhole() {
    return new FieldStrategy(false, null, false, true);
  }

  /** This strategy, also tagged {@code retainKeys}. */
  public FieldStrategy withRetainKeys() {
    return new FieldStrategy(merge, mergeKey, true, replace);
  }

  /** A list of objects merged element-wise by {@link #mergeKey}. */
  public boolean mergesByKey() {
    return merge && mergeKey != null;
  }
}
