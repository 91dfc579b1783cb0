package io.pilothouse.scheduler.framework;

/**
 * Runs when no node is feasible (upstream's preemption point). A status of {@link
 * Status.Code#UNSCHEDULABLE} carries the sentence appended to the {@link FitError} message (its
 * "PostFilterMsg"); success would mean the plugin made room for the pod in a later cycle.
 */
public interface PostFilterPlugin extends Plugin {

  Status postFilter(CycleState state, PodInfo pod, FitError fitError);
}
