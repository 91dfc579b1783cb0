package io.pilothouse.controller.namespace;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.List;

/**
 * The namespaced kinds this API server serves, in the order the namespace controller deletes them:
 * workloads before the pods they own, pods before the accounts and secrets they use, events last.
 * Upstream discovers them; the list here must grow with {@code ResourceTypes}.
 */
final class NamespacedKinds {

  static final List<Class<? extends HasMetadata>> ALL =
      List.of(
          Deployment.class,
          ReplicaSet.class,
          Job.class,
          Pod.class,
          Service.class,
          Endpoints.class,
          EndpointSlice.class,
          ConfigMap.class,
          Secret.class,
          ServiceAccount.class,
          Lease.class,
          Event.class);

  private NamespacedKinds() {}
}
