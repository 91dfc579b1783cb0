package io.pilothouse.scheduler.plugins.podtopologyspread;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.Pods;
import io.pilothouse.scheduler.framework.Selector;
import io.pilothouse.scheduler.plugins.helper.RequiredNodeAffinity;
import io.pilothouse.scheduler.plugins.helper.Tolerations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One compiled {@code topologySpreadConstraint}: the selector (with {@code matchLabelKeys} merged
 * in), maxSkew, minDomains (default 1), and the node inclusion policies ({@code nodeAffinityPolicy}
 * Honor by default, {@code nodeTaintsPolicy} Ignore by default) that decide which nodes' domains
 * count.
 */
record SpreadConstraint(
    int maxSkew,
    String topologyKey,
    Selector selector,
    int minDomains,
    boolean honorNodeAffinity,
    boolean honorNodeTaints) {

  static final String HOSTNAME = "kubernetes.io/hostname";

  /** The pod's constraints with the given whenUnsatisfiable (DoNotSchedule or ScheduleAnyway). */
  static List<SpreadConstraint> of(PodInfo pod, String whenUnsatisfiable) {
    Pod api = pod.pod();
    List<TopologySpreadConstraint> declared =
        api.getSpec() == null ? null : api.getSpec().getTopologySpreadConstraints();
    if (declared == null || declared.isEmpty()) {
      return List.of();
    }
    List<SpreadConstraint> constraints = new ArrayList<>();
    for (TopologySpreadConstraint c : declared) {
      if (c == null
          || !whenUnsatisfiable.equals(c.getWhenUnsatisfiable())
          || c.getTopologyKey() == null) {
        continue;
      }
      constraints.add(compile(pod, c));
    }
    return constraints;
  }

  private static SpreadConstraint compile(PodInfo pod, TopologySpreadConstraint c) {
    Selector selector = Selector.of(c.getLabelSelector());
    if (c.getMatchLabelKeys() != null) {
      for (String key : c.getMatchLabelKeys()) {
        String value = pod.labels().get(key);
        if (value != null) {
          selector = selector.and(key, value);
        }
      }
    }
    int maxSkew = c.getMaxSkew() == null ? 1 : c.getMaxSkew();
    int minDomains = c.getMinDomains() == null ? 1 : c.getMinDomains();
    return new SpreadConstraint(
        maxSkew,
        c.getTopologyKey(),
        selector,
        minDomains,
        !"Ignore".equals(c.getNodeAffinityPolicy()),
        "Honor".equals(c.getNodeTaintsPolicy()));
  }

  /** Whether the node has every constraint's topology key. */
  static boolean nodeHasAllKeys(NodeInfo node, List<SpreadConstraint> constraints) {
    Map<String, String> labels = node.labels();
    for (SpreadConstraint constraint : constraints) {
      if (!labels.containsKey(constraint.topologyKey)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the node's domain counts for this constraint (node inclusion policies). */
  boolean includes(NodeInfo node, PodInfo pod, RequiredNodeAffinity affinity) {
    if (honorNodeAffinity && !affinity.matches(node)) {
      return false;
    }
    return !honorNodeTaints
        || Tolerations.findUntoleratedTaint(
                node.taints(),
                Tolerations.of(pod.pod()),
                t -> "NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect()))
            == null;
  }

  /** Pods on the node the constraint counts: same namespace, matching, not terminating. */
  int countMatching(NodeInfo node, String namespace) {
    int count = 0;
    for (PodInfo existing : node.pods()) {
      if (namespace.equals(existing.namespace())
          && !Pods.isTerminating(existing.pod())
          && selector.matches(existing.labels())) {
        count++;
      }
    }
    return count;
  }
}
