package io.pilothouse.scheduler.plugins.nodeaffinity;

import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.pilothouse.scheduler.framework.ClusterEvent;
import io.pilothouse.scheduler.framework.CycleState;
import io.pilothouse.scheduler.framework.EnqueueExtensions;
import io.pilothouse.scheduler.framework.FilterPlugin;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.NormalizeScore;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.PreFilterPlugin;
import io.pilothouse.scheduler.framework.PreScorePlugin;
import io.pilothouse.scheduler.framework.ScorePlugin;
import io.pilothouse.scheduler.framework.Status;
import io.pilothouse.scheduler.plugins.helper.NodeSelectorTermMatcher;
import io.pilothouse.scheduler.plugins.helper.RequiredNodeAffinity;
import io.pilothouse.scheduler.plugins.helper.ScoreNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Node selection by labels: filters with the pod's {@code nodeSelector} and required node affinity
 * (matchExpressions In/NotIn/Exists/DoesNotExist/Gt/Lt, matchFields metadata.name), and scores by
 * the summed weights of the preferred terms a node matches, normalized to 0–100.
 */
public final class NodeAffinity
    implements PreFilterPlugin,
        FilterPlugin,
        PreScorePlugin,
        ScorePlugin,
        NormalizeScore,
        EnqueueExtensions {

  public static final String NAME = "NodeAffinity";

  /** Upstream's {@code ErrReasonPod}. */
  public static final String ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";

  private static final String PRE_FILTER_KEY = "PreFilter" + NAME;
  private static final String PRE_SCORE_KEY = "PreScore" + NAME;

  private record WeightedTerm(int weight, NodeSelectorTermMatcher term) {}

  private record Preferred(List<WeightedTerm> terms) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status preFilter(CycleState state, PodInfo pod) {
    RequiredNodeAffinity required = RequiredNodeAffinity.of(pod.pod());
    if (required.isEmpty()) {
      return Status.skip();
    }
    state.write(PRE_FILTER_KEY, required);
    return Status.success();
  }

  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo nodeInfo) {
    RequiredNodeAffinity required = state.read(PRE_FILTER_KEY, RequiredNodeAffinity.class);
    if (required == null) {
      required = RequiredNodeAffinity.of(pod.pod());
    }
    return required.matches(nodeInfo)
        ? Status.success()
        : Status.unschedulableAndUnresolvable(ERR_REASON_POD);
  }

  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasibleNodes) {
    List<WeightedTerm> terms = preferredTerms(pod);
    if (terms.isEmpty()) {
      return Status.skip();
    }
    state.write(PRE_SCORE_KEY, new Preferred(terms));
    return Status.success();
  }

  private static List<WeightedTerm> preferredTerms(PodInfo pod) {
    var spec = pod.pod().getSpec();
    var affinity =
        spec == null || spec.getAffinity() == null ? null : spec.getAffinity().getNodeAffinity();
    List<PreferredSchedulingTerm> preferred =
        affinity == null ? null : affinity.getPreferredDuringSchedulingIgnoredDuringExecution();
    List<WeightedTerm> terms = new ArrayList<>();
    if (preferred != null) {
      for (PreferredSchedulingTerm term : preferred) {
        if (term != null && term.getWeight() != null && term.getWeight() != 0) {
          terms.add(
              new WeightedTerm(term.getWeight(), NodeSelectorTermMatcher.of(term.getPreference())));
        }
      }
    }
    return terms;
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo nodeInfo) {
    Preferred preferred = state.read(PRE_SCORE_KEY, Preferred.class);
    List<WeightedTerm> terms = preferred == null ? preferredTerms(pod) : preferred.terms();
    long score = 0;
    for (WeightedTerm term : terms) {
      if (term.term().matches(nodeInfo.name(), nodeInfo.labels())) {
        score += term.weight();
      }
    }
    return score;
  }

  @Override
  public Status normalizeScore(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    ScoreNormalizer.defaultNormalize(MAX_NODE_SCORE, false, scores);
    return Status.success();
  }

  @Override
  public Set<ClusterEvent> eventsToRegister() {
    return Set.of(ClusterEvent.NODE_ADD, ClusterEvent.NODE_UPDATE);
  }
}
