package io.pilothouse.scheduler.spi;

import io.fabric8.kubernetes.api.model.Binding;

/**
 * Writes a scheduling decision to the API: implemented by the control plane with a {@code POST
 * pods/{name}/binding} through the registry, like every other write. The binding names the pod
 * (namespace, name, uid) and targets the node ({@code kind: Node}).
 */
@FunctionalInterface
public interface Binder {

  /**
   * Binds the pod. Returns normally once the binding is stored; throws any runtime exception if it
   * was refused (pod gone, already bound, conflict, store down). The scheduler then forgets the
   * assumed pod and retries it with backoff.
   */
  void bind(Binding binding);
}
