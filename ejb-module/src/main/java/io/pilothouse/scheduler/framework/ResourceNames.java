package io.pilothouse.scheduler.framework;

/**
 * The resource names the scheduler knows, and upstream's rule for which other names are "scalar"
 * resources (extended resources such as {@code example.com/gpu}, hugepages) that a pod may request
 * and a node may offer.
 */
public final class ResourceNames {

  public static final String CPU = "cpu";
  public static final String MEMORY = "memory";
  public static final String EPHEMERAL_STORAGE = "ephemeral-storage";
  public static final String PODS = "pods";

  private ResourceNames() {}

  /** Extended resources, hugepages and attachable volume limits, as upstream. */
  public static boolean isScalar(String name) {
    return isExtended(name)
        || name.startsWith("hugepages-")
        || name.startsWith("attachable-volumes-");
  }

  /** A domain-qualified name outside kubernetes.io, not a quota "requests." name. */
  public static boolean isExtended(String name) {
    return name.contains("/") && !name.contains("kubernetes.io/") && !name.startsWith("requests.");
  }
}
