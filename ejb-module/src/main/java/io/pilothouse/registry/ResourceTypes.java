package io.pilothouse.registry;

import io.pilothouse.registry.strategy.Strategies;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog of resources this API server serves: the source of discovery ({@code /api/v1}, {@code
 * /apis/apps/v1}), of request routing, and of each kind's strategy.
 */
@ApplicationScoped
public class ResourceTypes {

  private static final List<String> ALL = List.of("all");
  private static final List<String> NONE = List.of();

  private final Map<String, ResourceType> byPath = new LinkedHashMap<>();
  private final Map<String, ResourceType> byKind = new LinkedHashMap<>();

  public ResourceTypes() {
    core("namespaces", "Namespace", false, List.of("ns"), Set.of("status", "finalize"), NONE);
    core("nodes", "Node", false, List.of("no"), Set.of("status", "proxy"), NONE);
    core("pods", "Pod", true, List.of("po"), Set.of("status", "binding", "eviction", "log"), ALL);
    core("services", "Service", true, List.of("svc"), Set.of("status"), ALL);
    core("endpoints", "Endpoints", true, List.of("ep"), Set.of(), NONE);
    core("configmaps", "ConfigMap", true, List.of("cm"), Set.of(), NONE);
    core("secrets", "Secret", true, List.of(), Set.of(), NONE);
    core("events", "Event", true, List.of("ev"), Set.of(), NONE);
    core("serviceaccounts", "ServiceAccount", true, List.of("sa"), Set.of(), NONE);
    add("apps", "deployments", "Deployment", List.of("deploy"), Set.of("status", "scale"), ALL);
    add("apps", "replicasets", "ReplicaSet", List.of("rs"), Set.of("status", "scale"), ALL);
    add("batch", "jobs", "Job", List.of(), Set.of("status"), ALL);
    add("coordination.k8s.io", "leases", "Lease", List.of(), Set.of(), NONE);
    add("discovery.k8s.io", "endpointslices", "EndpointSlice", List.of(), Set.of(), NONE);
  }

  private void core(
      String resource,
      String kind,
      boolean namespaced,
      List<String> shortNames,
      Set<String> subresources,
      List<String> categories) {
    register("", resource, kind, namespaced, shortNames, subresources, categories);
  }

  private void add(
      String group,
      String resource,
      String kind,
      List<String> shortNames,
      Set<String> subresources,
      List<String> categories) {
    register(group, resource, kind, true, shortNames, subresources, categories);
  }

  private void register(
      String group,
      String resource,
      String kind,
      boolean namespaced,
      List<String> shortNames,
      Set<String> subresources,
      List<String> categories) {
    ResourceType type =
        new ResourceType(
            group,
            "v1",
            resource,
            kind,
            kind.toLowerCase(java.util.Locale.ROOT),
            namespaced,
            shortNames,
            subresources,
            categories,
            Strategies.forKind(group, kind));
    byPath.put(group + "/v1/" + resource, type);
    byKind.put(group + "/" + kind, type);
  }

  /** The resource served at {@code group/version/resource}, if any. */
  public Optional<ResourceType> find(String group, String version, String resource) {
    return Optional.ofNullable(byPath.get(group + "/" + version + "/" + resource));
  }

  /** The resource whose objects have this kind in this group, if any. */
  public Optional<ResourceType> forKind(String group, String kind) {
    return Optional.ofNullable(byKind.get(group + "/" + kind));
  }

  /** Every served resource, in discovery order. */
  public List<ResourceType> all() {
    return Collections.unmodifiableList(new ArrayList<>(byPath.values()));
  }

  /** The served resources of one group version. */
  public List<ResourceType> inGroupVersion(String group, String version) {
    return byPath.values().stream()
        .filter(type -> type.group().equals(group) && type.version().equals(version))
        .toList();
  }

  /** The named API groups served, in discovery order (the core group excluded). */
  public List<String> groups() {
    return byPath.values().stream()
        .map(ResourceType::group)
        .filter(group -> !group.isEmpty())
        .distinct()
        .toList();
  }
}
