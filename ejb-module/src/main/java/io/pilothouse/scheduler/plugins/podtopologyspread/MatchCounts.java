package io.pilothouse.scheduler.plugins.podtopologyspread;

import io.pilothouse.scheduler.framework.NodeInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * Memoized counts of the pods on a node that a spread constraint selects, by (namespace, selector)
 * and node, valid while the node's generation is unchanged. Pods of one workload share their
 * constraint, so after the first pod each cycle recounts only the nodes that changed instead of
 * every pod in the cluster. Bounded: forgotten wholesale past {@link #MAX_SELECTORS}. Used by the
 * scheduling thread only.
 */
final class MatchCounts {

  static final int MAX_SELECTORS = 1024;

  private final Map<String, Map<String, long[]>> bySelector = new HashMap<>();

  /** The memo of one constraint in one namespace; look it up once per cycle. */
  Counter counter(SpreadConstraint constraint, String namespace) {
    if (bySelector.size() > MAX_SELECTORS) {
      bySelector.clear();
    }
    String key = namespace + "\0" + constraint.selector().canonical();
    return new Counter(
        constraint, namespace, bySelector.computeIfAbsent(key, k -> new HashMap<>()));
  }

  /** Counts for one constraint and namespace, per node: {generation, count}. */
  static final class Counter {
    private final SpreadConstraint constraint;
    private final String namespace;
    private final Map<String, long[]> byNode;

    private Counter(SpreadConstraint constraint, String namespace, Map<String, long[]> byNode) {
      this.constraint = constraint;
      this.namespace = namespace;
      this.byNode = byNode;
    }

    int count(NodeInfo node) {
      long[] cached = byNode.get(node.name());
      if (cached != null && cached[0] == node.generation()) {
        return (int) cached[1];
      }
      int count = constraint.countMatching(node, namespace);
      if (cached == null) {
        byNode.put(node.name(), new long[] {node.generation(), count});
      } else {
        cached[0] = node.generation();
        cached[1] = count;
      }
      return count;
    }
  }
}
