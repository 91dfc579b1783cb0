package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.Optional;

/**
 * What a pod worker needs from the API server besides the pod watch: ConfigMaps and Secrets, the
 * pod's {@code status} subresource, the final deletion of a terminated pod, and events. The real
 * one is {@link ApiServerKubeletApi}; tests use a fake.
 */
public interface KubeletApi extends ConfigSource {

  /**
   * Writes the pod's status through {@code PUT …/pods/{name}/status}, retrying on 409 Conflict with
   * a fresh copy; returns the stored pod, or empty when the pod is gone.
   */
  Optional<Pod> updatePodStatus(Pod pod, PodStatus status);

  /**
   * Finishes a graceful deletion: {@code DELETE …/pods/{name}?gracePeriodSeconds=0} with a uid
   * precondition; true when the pod is gone.
   */
  boolean finishPodDeletion(Pod pod);

  /** Records an event about an object (best effort, never blocks the caller for long). */
  void event(HasMetadata involved, String type, String reason, String message);
}
