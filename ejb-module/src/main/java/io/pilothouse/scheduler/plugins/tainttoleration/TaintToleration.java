package io.pilothouse.scheduler.plugins.tainttoleration;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.pilothouse.scheduler.framework.ClusterEvent;
import io.pilothouse.scheduler.framework.CycleState;
import io.pilothouse.scheduler.framework.EnqueueExtensions;
import io.pilothouse.scheduler.framework.FilterPlugin;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.NormalizeScore;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.PreScorePlugin;
import io.pilothouse.scheduler.framework.ScorePlugin;
import io.pilothouse.scheduler.framework.Status;
import io.pilothouse.scheduler.plugins.helper.ScoreNormalizer;
import io.pilothouse.scheduler.plugins.helper.Tolerations;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Taints and tolerations: filters out nodes with a {@code NoSchedule} or {@code NoExecute} taint
 * the pod does not tolerate (e.g. {@code node.kubernetes.io/unreachable} added by the node
 * lifecycle controller), and scores nodes with fewer untolerated {@code PreferNoSchedule} taints
 * higher.
 */
public final class TaintToleration
    implements FilterPlugin, PreScorePlugin, ScorePlugin, NormalizeScore, EnqueueExtensions {

  public static final String NAME = "TaintToleration";

  private static final String PRE_SCORE_KEY = "PreScore" + NAME;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo nodeInfo) {
    Taint taint =
        Tolerations.findUntoleratedTaint(
            nodeInfo.taints(),
            Tolerations.of(pod.pod()),
            t -> "NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect()));
    if (taint == null) {
      return Status.success();
    }
    return Status.unschedulableAndUnresolvable(
        String.format(
            "node(s) had untolerated taint {%s: %s}",
            taint.getKey(), taint.getValue() == null ? "" : taint.getValue()));
  }

  /** The pod's tolerations that can tolerate PreferNoSchedule (that effect or none). */
  private record PreScoreState(List<Toleration> tolerations) {}

  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasibleNodes) {
    List<Toleration> preferNoSchedule = new ArrayList<>();
    for (Toleration toleration : Tolerations.of(pod.pod())) {
      String effect = toleration.getEffect();
      if (effect == null || effect.isEmpty() || "PreferNoSchedule".equals(effect)) {
        preferNoSchedule.add(toleration);
      }
    }
    state.write(PRE_SCORE_KEY, new PreScoreState(preferNoSchedule));
    return Status.success();
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo nodeInfo) {
    PreScoreState preScore = state.read(PRE_SCORE_KEY, PreScoreState.class);
    List<Toleration> tolerations =
        preScore == null ? Tolerations.of(pod.pod()) : preScore.tolerations;
    long intolerable = 0;
    for (Taint taint : nodeInfo.taints()) {
      if ("PreferNoSchedule".equals(taint.getEffect())
          && !Tolerations.anyTolerates(tolerations, taint)) {
        intolerable++;
      }
    }
    return intolerable;
  }

  @Override
  public Status normalizeScore(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    ScoreNormalizer.defaultNormalize(MAX_NODE_SCORE, true, scores);
    return Status.success();
  }

  @Override
  public Set<ClusterEvent> eventsToRegister() {
    return Set.of(ClusterEvent.NODE_ADD, ClusterEvent.NODE_UPDATE);
  }
}
