package io.pilothouse.dashboard;

import java.io.Serializable;
import java.util.List;

/**
 * What draining a node will do, shown in the confirmation before it starts: the pods to evict and
 * the pods left alone (DaemonSet-managed and mirror pods, as {@code kubectl drain} skips them).
 */
public record DrainPlan(String node, List<PodRef> evict, List<PodRef> skip)
    implements Serializable {

  /** A pod by namespace and name. */
  public record PodRef(String namespace, String name) implements Serializable {
    @Override
    public String toString() {
      return namespace + "/" + name;
    }
  }

  /** e.g. {@code Drain node-2: evict 7 pods}. */
  public String summary() {
    return "Drain "
        + node
        + ": cordon it and evict "
        + evict.size()
        + (evict.size() == 1 ? " pod" : " pods")
        + (skip.isEmpty() ? "" : " (" + skip.size() + " DaemonSet or mirror pods stay)");
  }
}
