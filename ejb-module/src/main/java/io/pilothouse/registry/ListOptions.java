package io.pilothouse.registry;

/**
 * The query options of a list or watch: selectors, paging, and the resourceVersion to start a watch
 * from.
 */
public record ListOptions(
    String labelSelector,
    String fieldSelector,
    int limit,
    String continueToken,
    String resourceVersion,
    boolean allowBookmarks,
    Integer timeoutSeconds,
    boolean sendInitialEvents) {

  /** Everything, unpaged. */
  public static final ListOptions ALL =
      new ListOptions(null, null, 0, null, null, false, null, false);

  /** Everything matching a label selector, unpaged. */
  public static ListOptions labelSelector(String selector) {
    return new ListOptions(selector, null, 0, null, null, false, null, false);
  }

  /** Everything matching a field selector, unpaged. */
  public static ListOptions fieldSelector(String selector) {
    return new ListOptions(null, selector, 0, null, null, false, null, false);
  }
}
