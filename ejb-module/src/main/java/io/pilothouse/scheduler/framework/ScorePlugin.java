package io.pilothouse.scheduler.framework;

/**
 * Ranks one feasible node for the pod. Scores are brought to [0, {@link #MAX_NODE_SCORE}] (by the
 * plugin itself or by its {@link NormalizeScore}), multiplied by the plugin's weight in the {@link
 * Profile} and summed over plugins; the node with the highest sum wins.
 */
public interface ScorePlugin extends Plugin {

  /** The highest score a node can get from one plugin, as upstream's {@code MaxNodeScore}. */
  long MAX_NODE_SCORE = 100;

  /** The lowest score a node can get from one plugin. */
  long MIN_NODE_SCORE = 0;

  long score(CycleState state, PodInfo pod, NodeInfo nodeInfo);
}
