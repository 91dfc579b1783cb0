package io.pilothouse.scheduler.framework;

/**
 * Runs after a node is chosen and the pod is assumed in the cache, before binding, for plugins that
 * keep their own per-node bookkeeping. Unreserve undoes Reserve when a later step fails (another
 * Reserve plugin, or the binding); it must be idempotent.
 */
public interface ReservePlugin extends Plugin {

  Status reserve(CycleState state, PodInfo pod, String nodeName);

  void unreserve(CycleState state, PodInfo pod, String nodeName);
}
