package io.pilothouse.scheduler.plugins.nodename;

import io.pilothouse.scheduler.framework.ClusterEvent;
import io.pilothouse.scheduler.framework.CycleState;
import io.pilothouse.scheduler.framework.EnqueueExtensions;
import io.pilothouse.scheduler.framework.FilterPlugin;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.Pods;
import io.pilothouse.scheduler.framework.Status;
import java.util.Set;

/** Keeps a pod that names its node in {@code spec.nodeName} off every other node. */
public final class NodeName implements FilterPlugin, EnqueueExtensions {

  public static final String NAME = "NodeName";

  /** Upstream's {@code ErrReason}. */
  public static final String ERR_REASON = "node(s) didn't match the requested node name";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo nodeInfo) {
    String wanted = Pods.nodeName(pod.pod());
    if (wanted == null || wanted.equals(nodeInfo.name())) {
      return Status.success();
    }
    return Status.unschedulableAndUnresolvable(ERR_REASON);
  }

  @Override
  public Set<ClusterEvent> eventsToRegister() {
    return Set.of(ClusterEvent.NODE_ADD);
  }
}
