package io.pilothouse.scheduler.plugins.defaultbinder;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.pilothouse.scheduler.framework.BindPlugin;
import io.pilothouse.scheduler.framework.CycleState;
import io.pilothouse.scheduler.framework.Handle;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.Status;

/**
 * Binds through the API's {@code pods/binding} subresource, via the control plane's {@link
 * io.pilothouse.scheduler.spi.Binder}. A refused binding becomes an error status with upstream's
 * wording ("running Bind plugin "DefaultBinder": …").
 */
public final class DefaultBinder implements BindPlugin {

  public static final String NAME = "DefaultBinder";

  private final Handle handle;

  public DefaultBinder(Handle handle) {
    this.handle = handle;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status bind(CycleState state, PodInfo pod, String nodeName) {
    try {
      handle.binder().bind(binding(pod, nodeName));
      return Status.success();
    } catch (RuntimeException e) {
      return Status.error("running Bind plugin \"" + NAME + "\": " + e.getMessage(), e);
    }
  }

  /** The Binding object for the pod and node, as kube-scheduler posts it. */
  public static Binding binding(PodInfo pod, String nodeName) {
    String uid = pod.pod().getMetadata() == null ? null : pod.pod().getMetadata().getUid();
    return binding(pod.namespace(), pod.name(), uid, nodeName);
  }

  /** The Binding of the named pod (uid as a precondition, may be null) to the node. */
  public static Binding binding(String namespace, String name, String uid, String nodeName) {
    return new BindingBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withUid(uid)
        .endMetadata()
        .withNewTarget()
        .withApiVersion("v1")
        .withKind("Node")
        .withName(nodeName)
        .endTarget()
        .build();
  }
}
