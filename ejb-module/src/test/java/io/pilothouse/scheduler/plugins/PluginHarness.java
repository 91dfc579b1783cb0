package io.pilothouse.scheduler.plugins;

import io.pilothouse.scheduler.cache.Snapshot;
import io.pilothouse.scheduler.framework.CycleState;
import io.pilothouse.scheduler.framework.FilterPlugin;
import io.pilothouse.scheduler.framework.Handle;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.NormalizeScore;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.PreFilterPlugin;
import io.pilothouse.scheduler.framework.PreScorePlugin;
import io.pilothouse.scheduler.framework.ScorePlugin;
import io.pilothouse.scheduler.framework.SharedLister;
import io.pilothouse.scheduler.framework.Status;
import io.pilothouse.scheduler.spi.Binder;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one plugin's extension points the way the framework does, over a fixed snapshot. */
public final class PluginHarness implements Handle {

  private final Snapshot snapshot;

  private PluginHarness(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  public static PluginHarness of(NodeInfo... nodes) {
    return new PluginHarness(Snapshot.of(Arrays.asList(nodes)));
  }

  @Override
  public SharedLister snapshot() {
    return snapshot;
  }

  @Override
  public InstantSource clock() {
    return InstantSource.system();
  }

  @Override
  public Binder binder() {
    return binding -> {};
  }

  /** PreFilter (if any) then Filter on every node: the status per node name. */
  public Map<String, Status> filter(FilterPlugin plugin, PodInfo pod) {
    CycleState state = new CycleState();
    Map<String, Status> statuses = new LinkedHashMap<>();
    if (plugin instanceof PreFilterPlugin preFilter) {
      Status status = preFilter.preFilter(state, pod);
      if (status.isSkip()) {
        snapshot.list().forEach(n -> statuses.put(n.name(), Status.success()));
        return statuses;
      }
      if (!status.isSuccess()) {
        snapshot.list().forEach(n -> statuses.put(n.name(), status));
        return statuses;
      }
    }
    for (NodeInfo node : snapshot.list()) {
      statuses.put(node.name(), plugin.filter(state, pod, node));
    }
    return statuses;
  }

  public Status filter(FilterPlugin plugin, PodInfo pod, String nodeName) {
    return filter(plugin, pod).get(nodeName);
  }

  /** PreScore, Score and NormalizeScore over all nodes: the final score per node name. */
  public Map<String, Long> score(ScorePlugin plugin, PodInfo pod) {
    CycleState state = new CycleState();
    List<NodeInfo> nodes = snapshot.list();
    Map<String, Long> result = new LinkedHashMap<>();
    if (plugin instanceof PreScorePlugin preScore
        && preScore.preScore(state, pod, nodes).isSkip()) {
      nodes.forEach(n -> result.put(n.name(), 0L));
      return result;
    }
    long[] scores = new long[nodes.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = plugin.score(state, pod, nodes.get(i));
    }
    if (plugin instanceof NormalizeScore normalizer) {
      normalizer.normalizeScore(state, pod, nodes, scores);
    }
    for (int i = 0; i < scores.length; i++) {
      result.put(nodes.get(i).name(), scores[i]);
    }
    return result;
  }
}
