package io.pilothouse.scheduler.plugins.nopreemption;

import io.pilothouse.scheduler.framework.CycleState;
import io.pilothouse.scheduler.framework.FitError;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.PostFilterPlugin;
import io.pilothouse.scheduler.framework.Status;
import java.util.Map;

/**
 * The PostFilter of a scheduler that does not preempt. Pilothouse evicts no lower-priority pods to
 * make room; this plugin only says so in upstream's words, so that the FitError message reads
 * exactly as kube-scheduler's does when preemption cannot help: "… preemption: 0/3 nodes are
 * available: 3 Preemption is not helpful for scheduling." (or "not eligible due to
 * preemptionPolicy=Never."). Remove it from the profile to drop that sentence.
 */
public final class NoPreemption implements PostFilterPlugin {

  public static final String NAME = "NoPreemption";

  /** Upstream's per-node reason when evicting pods would not make the pod fit. */
  public static final String NOT_HELPFUL = "Preemption is not helpful for scheduling";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status postFilter(CycleState state, PodInfo pod, FitError fitError) {
    var spec = pod.pod().getSpec();
    if (spec != null && "Never".equals(spec.getPreemptionPolicy())) {
      return Status.unschedulable("not eligible due to preemptionPolicy=Never.");
    }
    int nodes = fitError.numAllNodes();
    return Status.unschedulable(
        "preemption: " + FitError.histogram(nodes, Map.of(NOT_HELPFUL, nodes)));
  }
}
