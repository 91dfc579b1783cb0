package io.pilothouse.scheduler.framework;

import java.util.List;

/**
 * Runs once per cycle over the feasible nodes before scoring, to precompute what Score needs.
 * {@link Status#skip()} means the plugin has no preference for this pod: its Score is skipped.
 */
public interface PreScorePlugin extends Plugin {

  Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasibleNodes);
}
