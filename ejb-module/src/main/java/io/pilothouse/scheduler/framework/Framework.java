package io.pilothouse.scheduler.framework;

import io.pilothouse.scheduler.spi.Binder;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The scheduling framework of one {@link Profile}: instantiates the profile's plugins from the
 * {@link Registry}, sorts them by extension point and runs each point for a pod. A plugin that
 * throws is turned into an {@link Status.Code#ERROR} status, never into a failed scheduler. {@link
 * #schedule} runs one whole scheduling cycle (PreFilter → Filter → PostFilter → PreScore → Score)
 * through the {@link SchedulingAlgorithm}; Reserve and Bind are run by the caller once it has
 * assumed the pod.
 */
public final class Framework {

  private static final Logger LOG = Logger.getLogger(Framework.class.getName());

  private final Profile profile;
  private final FrameworkHandle handle;
  private final List<PreFilterPlugin> preFilter = new ArrayList<>();
  private final List<FilterPlugin> filter = new ArrayList<>();
  private final List<PostFilterPlugin> postFilter = new ArrayList<>();
  private final List<PreScorePlugin> preScore = new ArrayList<>();
  private final List<ScorePlugin> score = new ArrayList<>();
  private final List<ReservePlugin> reserve = new ArrayList<>();
  private final List<BindPlugin> bind = new ArrayList<>();
  private final Map<String, Set<ClusterEvent>> events = new LinkedHashMap<>();
  private final SchedulingAlgorithm algorithm;

  /** The per-framework handle; the snapshot is set at the start of each cycle. */
  private static final class FrameworkHandle implements Handle {
    private final InstantSource clock;
    private final Binder binder;
    private volatile SharedLister snapshot;

    FrameworkHandle(InstantSource clock, Binder binder) {
      this.clock = clock;
      this.binder = binder;
    }

    @Override
    public SharedLister snapshot() {
      return snapshot;
    }

    @Override
    public InstantSource clock() {
      return clock;
    }

    @Override
    public Binder binder() {
      return binder;
    }
  }

  public Framework(
      Registry registry, Profile profile, InstantSource clock, Binder binder, Random random) {
    this.profile = profile;
    this.handle = new FrameworkHandle(clock, binder);
    for (String name : profile.plugins()) {
      PluginFactory factory = registry.get(name);
      if (factory == null) {
        throw new IllegalArgumentException("plugin " + name + " is not registered");
      }
      add(factory.create(handle));
    }
    this.algorithm = new SchedulingAlgorithm(this, random);
  }

  private void add(Plugin plugin) {
    if (plugin instanceof PreFilterPlugin p) {
      preFilter.add(p);
    }
    if (plugin instanceof FilterPlugin p) {
      filter.add(p);
    }
    if (plugin instanceof PostFilterPlugin p) {
      postFilter.add(p);
    }
    if (plugin instanceof PreScorePlugin p) {
      preScore.add(p);
    }
    if (plugin instanceof ScorePlugin p) {
      score.add(p);
    }
    if (plugin instanceof ReservePlugin p) {
      reserve.add(p);
    }
    if (plugin instanceof BindPlugin p) {
      bind.add(p);
    }
    events.put(
        plugin.name(),
        plugin instanceof EnqueueExtensions e
            ? Set.copyOf(e.eventsToRegister())
            : EnumSet.allOf(ClusterEvent.class));
  }

  public Profile profile() {
    return profile;
  }

  /** Each plugin's registered cluster events (all events for plugins that declare none). */
  public Map<String, Set<ClusterEvent>> eventsToRegister() {
    return Collections.unmodifiableMap(events);
  }

  /** Runs one scheduling cycle for the pod against the snapshot. Never throws. */
  public ScheduleResult schedule(CycleState state, PodInfo pod, SharedLister snapshot) {
    handle.snapshot = snapshot;
    try {
      return algorithm.schedule(state, pod, snapshot);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "scheduling cycle of " + pod.key() + " failed", e);
      return ScheduleResult.error(Status.error(String.valueOf(e), e));
    }
  }

  Status runPreFilterPlugins(CycleState state, PodInfo pod) {
    for (PreFilterPlugin plugin : preFilter) {
      Status status = call(plugin, () -> plugin.preFilter(state, pod));
      if (status.isSkip()) {
        state.skipFilterPlugins().add(plugin.name());
      } else if (!status.isSuccess()) {
        return status;
      }
    }
    return Status.success();
  }

  /** Runs the filters on one node; the first non-success status is the node's status. */
  public Status runFilterPlugins(CycleState state, PodInfo pod, NodeInfo nodeInfo) {
    for (FilterPlugin plugin : filter) {
      if (state.skipFilterPlugins().contains(plugin.name())) {
        continue;
      }
      Status status;
      try {
        status = plugin.filter(state, pod, nodeInfo);
      } catch (RuntimeException e) {
        status = failed(plugin, e);
      }
      if (!status.isSuccess()) {
        return status.withPlugin(plugin.name());
      }
    }
    return Status.success();
  }

  FitError runPostFilterPlugins(CycleState state, FitError fitError) {
    FitError result = fitError;
    for (PostFilterPlugin plugin : postFilter) {
      Status status = call(plugin, () -> plugin.postFilter(state, fitError.pod(), fitError));
      if (status.isRejected() && !status.message().isEmpty()) {
        result = result.withPostFilterMsg(status.message());
      }
    }
    return result;
  }

  Status runPreScorePlugins(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    for (PreScorePlugin plugin : preScore) {
      Status status = call(plugin, () -> plugin.preScore(state, pod, nodes));
      if (status.isSkip()) {
        state.skipScorePlugins().add(plugin.name());
      } else if (!status.isSuccess()) {
        return status;
      }
    }
    return Status.success();
  }

  /**
   * Scores the nodes with every score plugin not skipped, normalizes and weights the scores and
   * adds them into {@code totals}. Returns a non-success status if a plugin failed.
   */
  Status runScorePlugins(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] totals) {
    for (ScorePlugin plugin : score) {
      if (state.skipScorePlugins().contains(plugin.name())) {
        continue;
      }
      long[] scores = new long[nodes.size()];
      Status status = call(plugin, () -> scoreAll(plugin, state, pod, nodes, scores));
      if (!status.isSuccess()) {
        return status;
      }
      int weight = profile.weight(plugin.name());
      for (int i = 0; i < scores.length; i++) {
        totals[i] += scores[i] * weight;
      }
    }
    return Status.success();
  }

  private static Status scoreAll(
      ScorePlugin plugin, CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    for (int i = 0; i < scores.length; i++) {
      scores[i] = plugin.score(state, pod, nodes.get(i));
    }
    if (plugin instanceof NormalizeScore normalizer) {
      Status status = normalizer.normalizeScore(state, pod, nodes, scores);
      if (!status.isSuccess()) {
        return status;
      }
    }
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] < ScorePlugin.MIN_NODE_SCORE || scores[i] > ScorePlugin.MAX_NODE_SCORE) {
        return Status.error(
            "plugin " + plugin.name() + " scored node " + nodes.get(i).name() + " " + scores[i]);
      }
    }
    return Status.success();
  }

  /** Runs Reserve; on failure runs Unreserve of every plugin and returns the failure. */
  public Status runReservePlugins(CycleState state, PodInfo pod, String nodeName) {
    for (ReservePlugin plugin : reserve) {
      Status status = call(plugin, () -> plugin.reserve(state, pod, nodeName));
      if (!status.isSuccess()) {
        runUnreservePlugins(state, pod, nodeName);
        return status;
      }
    }
    return Status.success();
  }

  /** Runs Unreserve of every reserve plugin, in reverse order. */
  public void runUnreservePlugins(CycleState state, PodInfo pod, String nodeName) {
    for (int i = reserve.size() - 1; i >= 0; i--) {
      ReservePlugin plugin = reserve.get(i);
      call(
          plugin,
          () -> {
            plugin.unreserve(state, pod, nodeName);
            return Status.success();
          });
    }
  }

  /** Runs the bind plugins until one does not skip. */
  public Status runBindPlugins(CycleState state, PodInfo pod, String nodeName) {
    for (BindPlugin plugin : bind) {
      Status status = call(plugin, () -> plugin.bind(state, pod, nodeName));
      if (!status.isSkip()) {
        return status;
      }
    }
    return Status.error("no bind plugin bound pod " + pod.key());
  }

  private interface PluginCall {
    Status run();
  }

  private static Status call(Plugin plugin, PluginCall call) {
    try {
      Status status = call.run();
      return (status == null ? Status.success() : status).withPlugin(plugin.name());
    } catch (RuntimeException e) {
      return failed(plugin, e);
    }
  }

  private static Status failed(Plugin plugin, RuntimeException e) {
    LOG.log(Level.WARNING, "plugin " + plugin.name() + " failed", e);
    return Status.error("running plugin " + plugin.name() + ": " + e, e).withPlugin(plugin.name());
  }
}
