package io.pilothouse.registry;

import io.pilothouse.registry.strategy.ResourceStrategy;
import java.util.List;
import java.util.Set;

/**
 * One resource the API server serves, as discovery describes it ({@code pods}, kind {@code Pod},
 * namespaced, short name {@code po}, subresources {@code status}, {@code binding}...), together
 * with the strategy that defaults, validates and indexes its objects.
 */
public record ResourceType(
    String group,
    String version,
    String resource,
    String kind,
    String singular,
    boolean namespaced,
    List<String> shortNames,
    Set<String> subresources,
    List<String> categories,
    ResourceStrategy strategy) {

  /** The verbs every served resource answers. */
  public static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  /** {@code v1} for the core group, {@code apps/v1} otherwise. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The list kind, e.g. {@code PodList}. */
  public String listKind() {
    return kind + "List";
  }

  /** {@code pods} or {@code deployments.apps}, as Kubernetes names a GroupResource. */
  public String groupResource() {
    return group.isEmpty() ? resource : resource + "." + group;
  }

  /** Whether the resource has this subresource ({@code status}, {@code scale}...). */
  public boolean hasSubresource(String name) {
    return subresources.contains(name);
  }
}
