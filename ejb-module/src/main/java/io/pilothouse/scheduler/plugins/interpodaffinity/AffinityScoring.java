package io.pilothouse.scheduler.plugins.interpodaffinity;

import io.pilothouse.scheduler.framework.AffinityTerm;
import io.pilothouse.scheduler.framework.CycleState;
import io.pilothouse.scheduler.framework.Handle;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.ScorePlugin;
import io.pilothouse.scheduler.framework.SharedLister;
import io.pilothouse.scheduler.framework.Status;
import java.util.List;

/**
 * The scoring half of InterPodAffinity, as upstream: every existing pod adds to the score of its
 * topology domain the weight of each preferred term (+ affinity, − anti-affinity) of the incoming
 * pod that selects it, of each preferred term of its own that selects the incoming pod, and {@link
 * #HARD_POD_AFFINITY_WEIGHT} for each of its required affinity terms that selects the incoming pod.
 * Scores are then scaled min–max to 0–100.
 */
final class AffinityScoring {

  /** Upstream's default {@code hardPodAffinityWeight}. */
  static final int HARD_POD_AFFINITY_WEIGHT = 1;

  private static final String PRE_SCORE_KEY = "PreScore" + InterPodAffinity.NAME;

  private final Handle handle;

  AffinityScoring(Handle handle) {
    this.handle = handle;
  }

  Status preScore(CycleState state, PodInfo pod) {
    SharedLister snapshot = handle.snapshot();
    boolean hasPreferences =
        !pod.preferredAffinityTerms().isEmpty() || !pod.preferredAntiAffinityTerms().isEmpty();
    if (!hasPreferences && snapshot.havePodsWithAffinityList().isEmpty()) {
      return Status.skip();
    }
    TopologyCounts scores = new TopologyCounts();
    List<NodeInfo> nodes = hasPreferences ? snapshot.list() : snapshot.havePodsWithAffinityList();
    for (NodeInfo node : nodes) {
      if (node.labels().isEmpty()) {
        continue;
      }
      for (PodInfo existing : hasPreferences ? node.pods() : node.podsWithAffinity()) {
        processExistingPod(scores, pod, existing, node, snapshot);
      }
    }
    if (scores.isEmpty()) {
      return Status.skip();
    }
    state.write(PRE_SCORE_KEY, scores);
    return Status.success();
  }

  private static void processExistingPod(
      TopologyCounts scores, PodInfo pod, PodInfo existing, NodeInfo node, SharedLister lister) {
    for (AffinityTerm term : pod.preferredAffinityTerms()) {
      process(scores, term, term.weight(), existing, node, lister);
    }
    for (AffinityTerm term : pod.preferredAntiAffinityTerms()) {
      process(scores, term, -term.weight(), existing, node, lister);
    }
    for (AffinityTerm term : existing.requiredAffinityTerms()) {
      process(scores, term, HARD_POD_AFFINITY_WEIGHT, pod, node, lister);
    }
    for (AffinityTerm term : existing.preferredAffinityTerms()) {
      process(scores, term, term.weight(), pod, node, lister);
    }
    for (AffinityTerm term : existing.preferredAntiAffinityTerms()) {
      process(scores, term, -term.weight(), pod, node, lister);
    }
  }

  private static void process(
      TopologyCounts scores,
      AffinityTerm term,
      long weight,
      PodInfo selected,
      NodeInfo node,
      SharedLister lister) {
    String value = node.labels().get(term.topologyKey());
    if (value != null && weight != 0 && term.matches(selected, lister)) {
      scores.add(term.topologyKey(), value, weight);
    }
  }

  long score(CycleState state, NodeInfo node) {
    TopologyCounts scores = state.read(PRE_SCORE_KEY, TopologyCounts.class);
    return scores == null ? 0 : scores.sumFor(node.labels());
  }

  Status normalizeScore(CycleState state, long[] scores) {
    if (state.read(PRE_SCORE_KEY, TopologyCounts.class) == null) {
      return Status.success();
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long score : scores) {
      min = Math.min(min, score);
      max = Math.max(max, score);
    }
    long diff = max - min;
    for (int i = 0; i < scores.length; i++) {
      scores[i] =
          diff > 0 ? (long) (ScorePlugin.MAX_NODE_SCORE * ((double) (scores[i] - min) / diff)) : 0;
    }
    return Status.success();
  }
}
