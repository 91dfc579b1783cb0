package io.pilothouse.scheduler.plugins;

import io.pilothouse.scheduler.framework.Profile;
import io.pilothouse.scheduler.framework.Registry;
import io.pilothouse.scheduler.plugins.balancedallocation.BalancedAllocation;
import io.pilothouse.scheduler.plugins.defaultbinder.DefaultBinder;
import io.pilothouse.scheduler.plugins.imagelocality.ImageLocality;
import io.pilothouse.scheduler.plugins.interpodaffinity.InterPodAffinity;
import io.pilothouse.scheduler.plugins.nodeaffinity.NodeAffinity;
import io.pilothouse.scheduler.plugins.nodename.NodeName;
import io.pilothouse.scheduler.plugins.noderesources.NodeResourcesFit;
import io.pilothouse.scheduler.plugins.nodeunschedulable.NodeUnschedulable;
import io.pilothouse.scheduler.plugins.nopreemption.NoPreemption;
import io.pilothouse.scheduler.plugins.podtopologyspread.PodTopologySpread;
import io.pilothouse.scheduler.plugins.tainttoleration.TaintToleration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The in-tree registry and the default profile, in the order and with the score weights of
 * upstream's default plugins (TaintToleration 3, NodeAffinity 2, PodTopologySpread 2,
 * InterPodAffinity 2, NodeResourcesFit 1, NodeResourcesBalancedAllocation 1, ImageLocality 1).
 */
public final class DefaultPlugins {

  /** The scheduler names the default profile serves. */
  public static final Set<String> SCHEDULER_NAMES =
      Set.of("default-scheduler", "pilothouse-scheduler");

  private DefaultPlugins() {}

  public static Registry registry() {
    return new Registry()
        .register(NodeUnschedulable.NAME, h -> new NodeUnschedulable())
        .register(NodeName.NAME, h -> new NodeName())
        .register(TaintToleration.NAME, h -> new TaintToleration())
        .register(NodeAffinity.NAME, h -> new NodeAffinity())
        .register(NodeResourcesFit.NAME, h -> new NodeResourcesFit())
        .register(PodTopologySpread.NAME, PodTopologySpread::new)
        .register(InterPodAffinity.NAME, InterPodAffinity::new)
        .register(NoPreemption.NAME, h -> new NoPreemption())
        .register(BalancedAllocation.NAME, h -> new BalancedAllocation())
        .register(ImageLocality.NAME, ImageLocality::new)
        .register(DefaultBinder.NAME, DefaultBinder::new);
  }

  public static Profile profile() {
    return new Profile(
        SCHEDULER_NAMES,
        List.of(
            NodeUnschedulable.NAME,
            NodeName.NAME,
            TaintToleration.NAME,
            NodeAffinity.NAME,
            NodeResourcesFit.NAME,
            PodTopologySpread.NAME,
            InterPodAffinity.NAME,
            NoPreemption.NAME,
            BalancedAllocation.NAME,
            ImageLocality.NAME,
            DefaultBinder.NAME),
        Map.of(
            TaintToleration.NAME, 3,
            NodeAffinity.NAME, 2,
            NodeResourcesFit.NAME, 1,
            PodTopologySpread.NAME, 2,
            InterPodAffinity.NAME, 2,
            BalancedAllocation.NAME, 1,
            ImageLocality.NAME, 1),
        0);
  }
}
