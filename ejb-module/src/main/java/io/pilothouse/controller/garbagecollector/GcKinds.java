package io.pilothouse.controller.garbagecollector;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.pilothouse.controller.ControllerKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds the garbage collector tracks (every namespaced kind this API server serves that can own
 * or be owned), and its work-queue keys: an object's namespace with {@code <plural>.<group>/<name>}
 * as the name, kubectl's way of naming a resource.
 */
final class GcKinds {

  /** Kinds whose objects may be dependents, in namespaces. */
  static final List<Class<? extends HasMetadata>> NAMESPACED =
      List.of(
          Pod.class,
          ReplicaSet.class,
          Deployment.class,
          Job.class,
          Service.class,
          Endpoints.class,
          EndpointSlice.class,
          ConfigMap.class,
          Secret.class,
          ServiceAccount.class,
          Lease.class);

  /** Cluster-scoped kinds that may own namespaced objects. */
  static final List<Class<? extends HasMetadata>> CLUSTER = List.of(Namespace.class, Node.class);

  /**
   * Each kind's {@code plural[.group]}, worked out once: fabric8's {@code getPlural} runs regular
   * expressions, and the collector asks for every change it sees.
   */
  private static final Map<Class<? extends HasMetadata>, String> RESOURCE_OF = new HashMap<>();

  private static final Map<String, Class<? extends HasMetadata>> NAMESPACED_BY_RESOURCE =
      new HashMap<>();

  /** Tracked kinds by {@code apiVersion/kind}, as owner references name them. */
  private static final Map<String, Class<? extends HasMetadata>> BY_TYPE = new HashMap<>();

  static {
    for (List<Class<? extends HasMetadata>> kinds : List.of(NAMESPACED, CLUSTER)) {
      for (Class<? extends HasMetadata> kind : kinds) {
        String group = HasMetadata.getGroup(kind);
        String resource =
            HasMetadata.getPlural(kind) + (group == null || group.isEmpty() ? "" : "." + group);
        RESOURCE_OF.put(kind, resource);
        if (kinds == NAMESPACED) {
          NAMESPACED_BY_RESOURCE.put(resource, kind);
        }
        BY_TYPE.put(HasMetadata.getApiVersion(kind) + "/" + HasMetadata.getKind(kind), kind);
      }
    }
  }

  private GcKinds() {}

  static String resource(Class<? extends HasMetadata> kind) {
    return RESOURCE_OF.get(kind);
  }

  /** The tracked kind served as this plural in this group, if any. */
  static Optional<Class<? extends HasMetadata>> byResource(String group, String plural) {
    String wanted = plural + (group == null || group.isEmpty() ? "" : "." + group);
    return Optional.ofNullable(NAMESPACED_BY_RESOURCE.get(wanted));
  }

  /** The kind an owner reference names, if tracked (by apiVersion and kind). */
  static Optional<Class<? extends HasMetadata>> of(OwnerReference ref) {
    return Optional.ofNullable(BY_TYPE.get(ref.getApiVersion() + "/" + ref.getKind()));
  }

  static boolean clusterScoped(Class<? extends HasMetadata> kind) {
    return CLUSTER.contains(kind);
  }

  static ControllerKey key(Class<? extends HasMetadata> kind, String namespace, String name) {
    return new ControllerKey(namespace, resource(kind) + "/" + name);
  }

  static ControllerKey key(HasMetadata object) {
    return key(
        object.getClass(), object.getMetadata().getNamespace(), object.getMetadata().getName());
  }

  /** The kind and name a key stands for. */
  record Target(Class<? extends HasMetadata> kind, String name) {}

  static Optional<Target> parse(ControllerKey key) {
    int slash = key.name().indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String resource = key.name().substring(0, slash);
    return Optional.ofNullable(NAMESPACED_BY_RESOURCE.get(resource))
        .map(k -> new Target(k, key.name().substring(slash + 1)));
  }
}
