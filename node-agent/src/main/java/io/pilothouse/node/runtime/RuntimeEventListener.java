package io.pilothouse.node.runtime;

/** Told by a runtime that a container of a pod changed state on its own (exited, started). */
@FunctionalInterface
public interface RuntimeEventListener {

  /** The container of the pod with this uid changed; the kubelet re-syncs that pod. */
  void podChanged(String podUid);
}
