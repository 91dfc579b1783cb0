package io.pilothouse.controller.util;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.pilothouse.api.StatusException;
import io.pilothouse.controller.ControllerContext;

/**
 * Upstream's {@code RealPodControl}: creates a controller's pods from its template and deletes them
 * (with a uid precondition), recording SuccessfulCreate / FailedCreate and SuccessfulDelete /
 * FailedDelete on the owner.
 */
public final class PodControl {

  private final ControllerContext context;
  private final HasMetadata owner;
  private final String component;

  public PodControl(ControllerContext context, HasMetadata owner, String component) {
    this.context = context;
    this.owner = owner;
    this.component = component;
  }

  public Pod create(PodTemplateSpec template) {
    try {
      Pod pod = context.client().create(PodTemplates.newPod(owner, template));
      context
          .events()
          .normal(
              owner, component, "SuccessfulCreate", "Created pod: " + pod.getMetadata().getName());
      return pod;
    } catch (StatusException e) {
      context
          .events()
          .warning(owner, component, "FailedCreate", "Error creating: " + e.getMessage());
      throw e;
    }
  }

  /** Deletes the pod; a pod already gone or replaced counts as deleted. */
  public void delete(Pod pod) {
    String name = pod.getMetadata().getName();
    try {
      context
          .client()
          .delete(
              Pod.class,
              pod.getMetadata().getNamespace(),
              name,
              null,
              pod.getMetadata().getUid(),
              null);
    } catch (StatusException e) {
      if (!Conflicts.isRace(e)) {
        context
            .events()
            .warning(owner, component, "FailedDelete", "Error deleting: " + e.getMessage());
        throw e;
      }
    }
    context.events().normal(owner, component, "SuccessfulDelete", "Deleted pod: " + name);
  }
}
