package io.pilothouse.scheduler.plugins.nodeunschedulable;

import io.fabric8.kubernetes.api.model.Taint;
import io.pilothouse.scheduler.framework.ClusterEvent;
import io.pilothouse.scheduler.framework.CycleState;
import io.pilothouse.scheduler.framework.EnqueueExtensions;
import io.pilothouse.scheduler.framework.FilterPlugin;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.Status;
import io.pilothouse.scheduler.plugins.helper.Tolerations;
import java.util.Set;

/**
 * Keeps pods off cordoned nodes ({@code spec.unschedulable: true}, set by {@code kubectl cordon})
 * unless they tolerate the {@code node.kubernetes.io/unschedulable:NoSchedule} taint, as DaemonSet
 * pods do.
 */
public final class NodeUnschedulable implements FilterPlugin, EnqueueExtensions {

  public static final String NAME = "NodeUnschedulable";

  /** Upstream's {@code ErrReasonUnschedulable}. */
  public static final String ERR_REASON_UNSCHEDULABLE = "node(s) were unschedulable";

  /** The taint a cordoned node is treated as having. */
  public static final String TAINT_NODE_UNSCHEDULABLE = "node.kubernetes.io/unschedulable";

  private static final Taint UNSCHEDULABLE_TAINT =
      new Taint("NoSchedule", TAINT_NODE_UNSCHEDULABLE, null, null);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo nodeInfo) {
    if (!nodeInfo.unschedulable()
        || Tolerations.anyTolerates(Tolerations.of(pod.pod()), UNSCHEDULABLE_TAINT)) {
      return Status.success();
    }
    return Status.unschedulableAndUnresolvable(ERR_REASON_UNSCHEDULABLE);
  }

  @Override
  public Set<ClusterEvent> eventsToRegister() {
    return Set.of(ClusterEvent.NODE_ADD, ClusterEvent.NODE_UPDATE);
  }
}
