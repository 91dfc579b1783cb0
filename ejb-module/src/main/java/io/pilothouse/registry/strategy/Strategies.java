package io.pilothouse.registry.strategy;

import java.util.Map;

/**
 * The strategy of each served kind, keyed by group and kind; kinds without rules of their own get
 * {@link GenericStrategy}. Strategies are stateless, so one instance serves every request.
 */
public final class Strategies {

  private static final ResourceStrategy GENERIC = new GenericStrategy();

  private static final Map<String, ResourceStrategy> BY_KIND =
      Map.ofEntries(
          Map.entry("/Pod", new PodStrategy()),
          Map.entry("/Service", new ServiceStrategy()),
          Map.entry("/Namespace", new NamespaceStrategy()),
          Map.entry("/Node", new NodeStrategy()),
          Map.entry("/ConfigMap", new ConfigMapStrategy()),
          Map.entry("/Secret", new SecretStrategy()),
          Map.entry("/Event", new EventStrategy()),
          Map.entry("/ServiceAccount", new ServiceAccountStrategy()),
          Map.entry("/Endpoints", new EndpointsStrategy()),
          Map.entry("apps/Deployment", new DeploymentStrategy()),
          Map.entry("apps/ReplicaSet", new ReplicaSetStrategy()),
          Map.entry("batch/Job", new JobStrategy()),
          Map.entry("coordination.k8s.io/Lease", new LeaseStrategy()),
          Map.entry("discovery.k8s.io/EndpointSlice", new EndpointSliceStrategy()));

  private Strategies() {}

  /** The strategy for a kind of a group ({@code ""} is the core group). */
  public static ResourceStrategy forKind(String group, String kind) {
    return BY_KIND.getOrDefault(group + "/" + kind, GENERIC);
  }
}
