package io.pilothouse.registry;

/**
 * The options of a delete, as in {@code metav1.DeleteOptions}: a grace period (pods), the
 * propagation policy for dependents ({@code Orphan}, {@code Background}, {@code Foreground}),
 * preconditions on uid and resourceVersion, and dry run.
 */
public record DeleteOptions(
    Long gracePeriodSeconds,
    String propagationPolicy,
    String preconditionUid,
    String preconditionResourceVersion,
    boolean dryRun) {

  public static final String ORPHAN = "Orphan";
  public static final String BACKGROUND = "Background";
  public static final String FOREGROUND = "Foreground";

  /** A delete with every option at its default. */
  public static final DeleteOptions DEFAULT = new DeleteOptions(null, null, null, null, false);

  /** An immediate delete ({@code gracePeriodSeconds=0}), as the kubelet finishes a pod's. */
  public static DeleteOptions immediate(String uid) {
    return new DeleteOptions(0L, null, uid, null, false);
  }
}
