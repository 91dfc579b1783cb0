package io.pilothouse.scheduler.framework;

/**
 * Changes of the cluster that can make an unschedulable pod schedulable, as upstream's {@code
 * framework.ClusterEvent} (resource + action), flattened into one enum.
 */
public enum ClusterEvent {
  NODE_ADD,
  /** A scheduling-relevant change of a node: labels, taints, unschedulable, allocatable. */
  NODE_UPDATE,
  NODE_DELETE,
  ASSIGNED_POD_ADD,
  /** A change of a bound pod's labels, or a decrease of its requests. */
  ASSIGNED_POD_UPDATE,
  /** A bound pod deleted or terminated: its resources are free again. */
  ASSIGNED_POD_DELETE,
  /** A namespace's labels changed (namespaceSelector of affinity terms). */
  NAMESPACE_CHANGE,
  /** Periodic flush or an unknown change: moves every unschedulable pod. */
  WILDCARD
}
