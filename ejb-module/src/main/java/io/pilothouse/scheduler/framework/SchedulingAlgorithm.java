package io.pilothouse.scheduler.framework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One scheduling cycle over a snapshot, as upstream's {@code schedulePod}: PreFilter, then the
 * filters over the nodes starting where the previous cycle stopped (round robin) until enough
 * feasible nodes are found (percentageOfNodesToScore), then PostFilter if none fits, else PreScore,
 * Score and the pick of the highest total, ties broken at random.
 */
final class SchedulingAlgorithm {

  /** Upstream's {@code minFeasibleNodesToFind}. */
  static final int MIN_FEASIBLE_NODES_TO_FIND = 100;

  /** Upstream's {@code minFeasibleNodesPercentageToFind}. */
  static final int MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

  private final Framework framework;
  private final Random random;
  private int nextStartNodeIndex;

  SchedulingAlgorithm(Framework framework, Random random) {
    this.framework = framework;
    this.random = random;
  }

  ScheduleResult schedule(CycleState state, PodInfo pod, SharedLister snapshot) {
    List<NodeInfo> allNodes = snapshot.list();
    if (allNodes.isEmpty()) {
      return ScheduleResult.unschedulable(new FitError(pod, 0, Map.of(), "", ""));
    }
    Status preFilter = framework.runPreFilterPlugins(state, pod);
    if (preFilter.code() == Status.Code.ERROR) {
      return ScheduleResult.error(preFilter);
    }
    if (preFilter.isRejected()) {
      Map<String, Status> statuses = new LinkedHashMap<>();
      allNodes.forEach(node -> statuses.put(node.name(), preFilter));
      return unschedulable(
          state, new FitError(pod, allNodes.size(), statuses, preFilter.message(), ""));
    }
    Map<String, Status> statuses = new LinkedHashMap<>();
    List<NodeInfo> feasible = findNodesThatFit(state, pod, allNodes, statuses);
    Status error = firstError(statuses);
    if (error != null) {
      return ScheduleResult.error(error);
    }
    if (feasible.isEmpty()) {
      return unschedulable(state, new FitError(pod, allNodes.size(), statuses, "", ""));
    }
    int evaluated = feasible.size() + statuses.size();
    if (feasible.size() == 1) {
      return ScheduleResult.success(feasible.get(0).name(), evaluated, 1);
    }
    long[] totals = new long[feasible.size()];
    Status scored = prioritize(state, pod, feasible, totals);
    if (!scored.isSuccess()) {
      return ScheduleResult.error(scored);
    }
    return ScheduleResult.success(selectHost(feasible, totals), evaluated, feasible.size());
  }

  private ScheduleResult unschedulable(CycleState state, FitError fitError) {
    return ScheduleResult.unschedulable(framework.runPostFilterPlugins(state, fitError));
  }

  private List<NodeInfo> findNodesThatFit(
      CycleState state, PodInfo pod, List<NodeInfo> allNodes, Map<String, Status> statuses) {
    int numAll = allNodes.size();
    int toFind = numFeasibleNodesToFind(framework.profile().percentageOfNodesToScore(), numAll);
    List<NodeInfo> feasible = new ArrayList<>(Math.min(toFind, numAll));
    int start = nextStartNodeIndex % numAll;
    int processed = 0;
    while (processed < numAll && feasible.size() < toFind) {
      NodeInfo node = allNodes.get((start + processed) % numAll);
      processed++;
      Status status = framework.runFilterPlugins(state, pod, node);
      if (status.isSuccess()) {
        feasible.add(node);
      } else {
        statuses.put(node.name(), status);
        if (status.code() == Status.Code.ERROR) {
          break;
        }
      }
    }
    nextStartNodeIndex = (start + processed) % numAll;
    return feasible;
  }

  /** Upstream's {@code numFeasibleNodesToFind}: all below 100 nodes, else an adaptive share. */
  static int numFeasibleNodesToFind(int percentageOfNodesToScore, int numAllNodes) {
    if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) {
      return numAllNodes;
    }
    int percentage = percentageOfNodesToScore;
    if (percentage <= 0) {
      percentage = Math.max(50 - numAllNodes / 125, MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND);
    }
    if (percentage >= 100) {
      return numAllNodes;
    }
    int numNodes = (int) ((long) numAllNodes * percentage / 100);
    return Math.max(numNodes, MIN_FEASIBLE_NODES_TO_FIND);
  }

  private static Status firstError(Map<String, Status> statuses) {
    for (Status status : statuses.values()) {
      if (status.code() == Status.Code.ERROR) {
        return status;
      }
    }
    return null;
  }

  private Status prioritize(CycleState state, PodInfo pod, List<NodeInfo> feasible, long[] totals) {
    Status preScore = framework.runPreScorePlugins(state, pod, feasible);
    if (!preScore.isSuccess()) {
      return preScore;
    }
    return framework.runScorePlugins(state, pod, feasible, totals);
  }

  /** The node with the highest total; among equals, each has the same chance (reservoir). */
  private String selectHost(List<NodeInfo> feasible, long[] totals) {
    int best = 0;
    int ties = 1;
    for (int i = 1; i < totals.length; i++) {
      if (totals[i] > totals[best]) {
        best = i;
        ties = 1;
      } else if (totals[i] == totals[best]) {
        ties++;
        if (random.nextInt(ties) == 0) {
          best = i;
        }
      }
    }
    return feasible.get(best).name();
  }
}
