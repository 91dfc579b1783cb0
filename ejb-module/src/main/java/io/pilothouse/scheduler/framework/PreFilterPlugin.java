package io.pilothouse.scheduler.framework;

/**
 * Runs once per scheduling cycle before any node is filtered, to precompute what Filter needs (e.g.
 * pod counts per topology domain) into the {@link CycleState}. A rejecting status rejects the pod
 * on every node; {@link Status#skip()} skips this plugin's Filter for the cycle.
 */
public interface PreFilterPlugin extends Plugin {

  Status preFilter(CycleState state, PodInfo pod);
}
