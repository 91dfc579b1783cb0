package io.pilothouse.scheduler.framework;

import java.util.Set;

/**
 * Implemented by a plugin that can reject pods: the cluster events that may make a pod it rejected
 * schedulable. The queue moves an unschedulable pod back to active only on an event that one of its
 * rejecting plugins registered, so a Lease renewal does not retry every pod.
 */
public interface EnqueueExtensions {

  Set<ClusterEvent> eventsToRegister();
}
