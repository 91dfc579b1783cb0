package io.pilothouse.scheduler.plugins.podtopologyspread;

import io.pilothouse.scheduler.framework.ClusterEvent;
import io.pilothouse.scheduler.framework.CycleState;
import io.pilothouse.scheduler.framework.EnqueueExtensions;
import io.pilothouse.scheduler.framework.FilterPlugin;
import io.pilothouse.scheduler.framework.Handle;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.NormalizeScore;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.PreFilterPlugin;
import io.pilothouse.scheduler.framework.PreScorePlugin;
import io.pilothouse.scheduler.framework.ScorePlugin;
import io.pilothouse.scheduler.framework.Status;
import io.pilothouse.scheduler.plugins.helper.RequiredNodeAffinity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spreads matching pods evenly over topology domains (zones, hosts): with {@code whenUnsatisfiable:
 * DoNotSchedule} a node is filtered out when placing the pod there would make its domain exceed the
 * least populated eligible domain by more than maxSkew (the minimum counting as 0 while fewer than
 * minDomains domains exist); {@code ScheduleAnyway} constraints only score, less crowded domains
 * higher ({@link SpreadScoring}). No system default constraints are applied: only those the pod
 * declares.
 */
public final class PodTopologySpread
    implements PreFilterPlugin,
        FilterPlugin,
        PreScorePlugin,
        ScorePlugin,
        NormalizeScore,
        EnqueueExtensions {

  public static final String NAME = "PodTopologySpread";

  /** Upstream's {@code ErrReasonConstraintsNotMatch}. */
  public static final String ERR_REASON_CONSTRAINTS_NOT_MATCH =
      "node(s) didn't match pod topology spread constraints";

  /** Upstream's {@code ErrReasonNodeLabelNotMatch}. */
  public static final String ERR_REASON_NODE_LABEL_NOT_MATCH =
      ERR_REASON_CONSTRAINTS_NOT_MATCH + " (missing required label)";

  private static final String PRE_FILTER_KEY = "PreFilter" + NAME;

  private final Handle handle;
  private final MatchCounts matchCounts = new MatchCounts();
  private final SpreadScoring scoring;

  /** Per DoNotSchedule constraint: matching pods per domain value, and the domains' minimum. */
  private record PreFilterState(
      List<SpreadConstraint> constraints, List<Map<String, Integer>> counts, int[] minMatch) {}

  public PodTopologySpread(Handle handle) {
    this.handle = handle;
    this.scoring = new SpreadScoring(handle, matchCounts);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status preFilter(CycleState state, PodInfo pod) {
    List<SpreadConstraint> constraints = SpreadConstraint.of(pod, "DoNotSchedule");
    if (constraints.isEmpty()) {
      return Status.skip();
    }
    RequiredNodeAffinity affinity = RequiredNodeAffinity.of(pod.pod());
    List<Map<String, Integer>> counts = new ArrayList<>(constraints.size());
    List<MatchCounts.Counter> counters = new ArrayList<>(constraints.size());
    for (SpreadConstraint constraint : constraints) {
      counts.add(new HashMap<>());
      counters.add(matchCounts.counter(constraint, pod.namespace()));
    }
    for (NodeInfo node : handle.snapshot().list()) {
      if (!SpreadConstraint.nodeHasAllKeys(node, constraints)) {
        continue;
      }
      for (int i = 0; i < constraints.size(); i++) {
        SpreadConstraint constraint = constraints.get(i);
        if (constraint.includes(node, pod, affinity)) {
          String value = node.labels().get(constraint.topologyKey());
          counts.get(i).merge(value, counters.get(i).count(node), Integer::sum);
        }
      }
    }
    int[] minMatch = new int[constraints.size()];
    for (int i = 0; i < constraints.size(); i++) {
      Map<String, Integer> domains = counts.get(i);
      int min =
          domains.values().stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE);
      minMatch[i] = domains.size() < constraints.get(i).minDomains() ? 0 : min;
    }
    state.write(PRE_FILTER_KEY, new PreFilterState(constraints, counts, minMatch));
    return Status.success();
  }

  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo nodeInfo) {
    PreFilterState s = state.read(PRE_FILTER_KEY, PreFilterState.class);
    if (s == null) {
      return Status.success();
    }
    for (int i = 0; i < s.constraints().size(); i++) {
      SpreadConstraint constraint = s.constraints().get(i);
      String value = nodeInfo.labels().get(constraint.topologyKey());
      if (value == null) {
        return Status.unschedulableAndUnresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);
      }
      int self = constraint.selector().matches(pod.labels()) ? 1 : 0;
      long skew = (long) s.counts().get(i).getOrDefault(value, 0) + self - s.minMatch()[i];
      if (skew > constraint.maxSkew()) {
        return Status.unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
      }
    }
    return Status.success();
  }

  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasibleNodes) {
    return scoring.preScore(state, pod, feasibleNodes);
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo nodeInfo) {
    return scoring.score(state, pod, nodeInfo);
  }

  @Override
  public Status normalizeScore(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    return scoring.normalizeScore(state, nodes, scores);
  }

  @Override
  public Set<ClusterEvent> eventsToRegister() {
    return Set.of(
        ClusterEvent.ASSIGNED_POD_ADD,
        ClusterEvent.ASSIGNED_POD_UPDATE,
        ClusterEvent.ASSIGNED_POD_DELETE,
        ClusterEvent.NODE_ADD,
        ClusterEvent.NODE_UPDATE,
        ClusterEvent.NODE_DELETE);
  }
}
