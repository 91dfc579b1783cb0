package io.pilothouse.registry;

import java.util.Map;
import java.util.Optional;

/**
 * The fabric8 model class of each served kind: the schema that {@code fieldValidation=Strict}
 * checks request bodies against.
 */
final class ModelClasses {

  private static final Map<String, Class<?>> BY_KIND =
      Map.ofEntries(
          Map.entry("/Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
          Map.entry("/Node", io.fabric8.kubernetes.api.model.Node.class),
          Map.entry("/Pod", io.fabric8.kubernetes.api.model.Pod.class),
          Map.entry("/Service", io.fabric8.kubernetes.api.model.Service.class),
          Map.entry("/Endpoints", io.fabric8.kubernetes.api.model.Endpoints.class),
          Map.entry("/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
          Map.entry("/Secret", io.fabric8.kubernetes.api.model.Secret.class),
          Map.entry("/Event", io.fabric8.kubernetes.api.model.Event.class),
          Map.entry("/ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class),
          Map.entry("apps/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
          Map.entry("apps/ReplicaSet", io.fabric8.kubernetes.api.model.apps.ReplicaSet.class),
          Map.entry("batch/Job", io.fabric8.kubernetes.api.model.batch.v1.Job.class),
          Map.entry(
              "coordination.k8s.io/Lease",
              io.fabric8.kubernetes.api.model.coordination.v1.Lease.class),
          Map.entry(
              "discovery.k8s.io/EndpointSlice",
              io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice.class));

  private ModelClasses() {}

  static Optional<Class<?>> of(ResourceType type) {
    return Optional.ofNullable(BY_KIND.get(type.group() + "/" + type.kind()));
  }
}
