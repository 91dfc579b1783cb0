package io.pilothouse.scheduler.framework;

/**
 * Decides whether the pod can run on one node. A node is feasible only if every enabled filter
 * returns success; the first rejecting status becomes that node's entry in the {@link FitError}.
 * Must not mutate the node info, and must be cheap: it runs for up to every node of the cluster.
 */
public interface FilterPlugin extends Plugin {

  Status filter(CycleState state, PodInfo pod, NodeInfo nodeInfo);
}
