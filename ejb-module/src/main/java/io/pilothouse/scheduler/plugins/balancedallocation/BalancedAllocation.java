package io.pilothouse.scheduler.plugins.balancedallocation;

import io.pilothouse.scheduler.framework.CycleState;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.PreScorePlugin;
import io.pilothouse.scheduler.framework.ScorePlugin;
import io.pilothouse.scheduler.framework.Status;
import java.util.List;

/**
 * Upstream's {@code NodeResourcesBalancedAllocation}: prefers nodes whose cpu and memory would be
 * used in equal shares after placing the pod, score {@code (1 - std) * 100} where std is the
 * standard deviation of the requested/allocatable fractions (for two resources |f1 - f2| / 2). Uses
 * actual requests, and skips best-effort pods (no requests) as upstream does, so they do not all
 * pile onto one node.
 */
public final class BalancedAllocation implements PreScorePlugin, ScorePlugin {

  public static final String NAME = "NodeResourcesBalancedAllocation";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasibleNodes) {
    if (pod.requests().milliCpu() == 0 && pod.requests().memory() == 0) {
      return Status.skip();
    }
    return Status.success();
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo nodeInfo) {
    long cpuAllocatable = nodeInfo.allocatable().milliCpu();
    long memoryAllocatable = nodeInfo.allocatable().memory();
    double[] fractions = new double[2];
    int count = 0;
    if (cpuAllocatable != 0) {
      fractions[count++] =
          fraction(nodeInfo.requested().milliCpu() + pod.requests().milliCpu(), cpuAllocatable);
    }
    if (memoryAllocatable != 0) {
      fractions[count++] =
          fraction(nodeInfo.requested().memory() + pod.requests().memory(), memoryAllocatable);
    }
    double std = count == 2 ? Math.abs((fractions[0] - fractions[1]) / 2) : 0;
    return (long) ((1 - std) * MAX_NODE_SCORE);
  }

  private static double fraction(long requested, long allocatable) {
    return Math.min(1.0, (double) requested / allocatable);
  }
}
