package io.pilothouse.scheduler.plugins.podtopologyspread;

import io.pilothouse.scheduler.framework.CycleState;
import io.pilothouse.scheduler.framework.Handle;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.ScorePlugin;
import io.pilothouse.scheduler.framework.Status;
import io.pilothouse.scheduler.plugins.helper.RequiredNodeAffinity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scoring half of PodTopologySpread, for {@code ScheduleAnyway} constraints, as upstream: a
 * node's raw score is the sum over constraints of {@code count × log(domains + 2) + maxSkew - 1},
 * where count is the matching pods in its domain (on the node itself for the hostname key);
 * normalization turns it around so the least crowded node gets 100. Feasible nodes missing a
 * topology key are ignored (score 0).
 */
final class SpreadScoring {

  private static final String PRE_SCORE_KEY = "PreScore" + PodTopologySpread.NAME;

  private final Handle handle;
  private final MatchCounts matchCounts;

  private record PreScoreState(
      List<SpreadConstraint> constraints,
      List<Map<String, long[]>> counts,
      double[] weights,
      Set<String> ignoredNodes,
      List<MatchCounts.Counter> counters) {}

  SpreadScoring(Handle handle, MatchCounts matchCounts) {
    this.handle = handle;
    this.matchCounts = matchCounts;
  }

  Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasibleNodes) {
    List<SpreadConstraint> constraints = SpreadConstraint.of(pod, "ScheduleAnyway");
    if (constraints.isEmpty()) {
      return Status.skip();
    }
    Set<String> ignored = new HashSet<>();
    List<Map<String, long[]>> counts = new ArrayList<>();
    constraints.forEach(c -> counts.add(new HashMap<>()));
    for (NodeInfo node : feasibleNodes) {
      if (!SpreadConstraint.nodeHasAllKeys(node, constraints)) {
        ignored.add(node.name());
        continue;
      }
      for (int i = 0; i < constraints.size(); i++) {
        if (!SpreadConstraint.HOSTNAME.equals(constraints.get(i).topologyKey())) {
          counts
              .get(i)
              .putIfAbsent(node.labels().get(constraints.get(i).topologyKey()), new long[1]);
        }
      }
    }
    double[] weights = new double[constraints.size()];
    for (int i = 0; i < constraints.size(); i++) {
      int size =
          SpreadConstraint.HOSTNAME.equals(constraints.get(i).topologyKey())
              ? feasibleNodes.size() - ignored.size()
              : counts.get(i).size();
      weights[i] = Math.log(size + 2);
    }
    List<MatchCounts.Counter> counters = new ArrayList<>(constraints.size());
    constraints.forEach(c -> counters.add(matchCounts.counter(c, pod.namespace())));
    countAllNodes(pod, constraints, counts, counters);
    state.write(PRE_SCORE_KEY, new PreScoreState(constraints, counts, weights, ignored, counters));
    return Status.success();
  }

  private void countAllNodes(
      PodInfo pod,
      List<SpreadConstraint> constraints,
      List<Map<String, long[]>> counts,
      List<MatchCounts.Counter> counters) {
    RequiredNodeAffinity affinity = RequiredNodeAffinity.of(pod.pod());
    for (NodeInfo node : handle.snapshot().list()) {
      if (!SpreadConstraint.nodeHasAllKeys(node, constraints)) {
        continue;
      }
      for (int i = 0; i < constraints.size(); i++) {
        SpreadConstraint constraint = constraints.get(i);
        long[] count = counts.get(i).get(node.labels().get(constraint.topologyKey()));
        if (count != null && constraint.includes(node, pod, affinity)) {
          count[0] += counters.get(i).count(node);
        }
      }
    }
  }

  long score(CycleState state, PodInfo pod, NodeInfo node) {
    PreScoreState s = state.read(PRE_SCORE_KEY, PreScoreState.class);
    if (s == null || s.ignoredNodes().contains(node.name())) {
      return 0;
    }
    double score = 0;
    for (int i = 0; i < s.constraints().size(); i++) {
      SpreadConstraint constraint = s.constraints().get(i);
      String value = node.labels().get(constraint.topologyKey());
      if (value == null) {
        continue;
      }
      long count;
      if (SpreadConstraint.HOSTNAME.equals(constraint.topologyKey())) {
        count = s.counters().get(i).count(node);
      } else {
        long[] domain = s.counts().get(i).get(value);
        count = domain == null ? 0 : domain[0];
      }
      score += count * s.weights()[i] + (constraint.maxSkew() - 1);
    }
    return Math.round(score);
  }

  Status normalizeScore(CycleState state, List<NodeInfo> nodes, long[] scores) {
    PreScoreState s = state.read(PRE_SCORE_KEY, PreScoreState.class);
    if (s == null) {
      return Status.success();
    }
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < scores.length; i++) {
      if (!s.ignoredNodes().contains(nodes.get(i).name())) {
        min = Math.min(min, scores[i]);
        max = Math.max(max, scores[i]);
      }
    }
    for (int i = 0; i < scores.length; i++) {
      if (s.ignoredNodes().contains(nodes.get(i).name())) {
        scores[i] = 0;
      } else if (max == 0) {
        scores[i] = ScorePlugin.MAX_NODE_SCORE;
      } else {
        scores[i] = ScorePlugin.MAX_NODE_SCORE * (max + min - scores[i]) / max;
      }
    }
    return Status.success();
  }
}
