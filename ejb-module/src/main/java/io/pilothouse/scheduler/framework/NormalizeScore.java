package io.pilothouse.scheduler.framework;

import java.util.List;

/**
 * Implemented by a {@link ScorePlugin} whose raw scores are not on the 0–100 scale (counts,
 * weights): after all nodes are scored, it rewrites {@code scores[i]} (the score of {@code
 * nodes.get(i)}) in place to [0, {@link ScorePlugin#MAX_NODE_SCORE}].
 */
public interface NormalizeScore {

  Status normalizeScore(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores);
}
