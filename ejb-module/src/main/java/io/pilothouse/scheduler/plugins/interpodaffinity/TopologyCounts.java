package io.pilothouse.scheduler.plugins.interpodaffinity;

import java.util.HashMap;
import java.util.Map;

/** Counts (or scores) per topology pair ({@code key=value}), e.g. matching pods per zone. */
final class TopologyCounts {

  private final Map<String, Map<String, Long>> byKey = new HashMap<>();

  void add(String key, String value, long delta) {
    byKey.computeIfAbsent(key, k -> new HashMap<>()).merge(value, delta, Long::sum);
  }

  long get(String key, String value) {
    Map<String, Long> values = byKey.get(key);
    return values == null ? 0 : values.getOrDefault(value, 0L);
  }

  boolean isEmpty() {
    return byKey.isEmpty();
  }

  /** The sum over this map's keys of the node's value for that key. */
  long sumFor(Map<String, String> nodeLabels) {
    long sum = 0;
    for (Map.Entry<String, Map<String, Long>> entry : byKey.entrySet()) {
      String value = nodeLabels.get(entry.getKey());
      if (value != null) {
        sum += entry.getValue().getOrDefault(value, 0L);
      }
    }
    return sum;
  }

  /** Whether any of the node's labels is a pair with a positive count. */
  boolean anyPositive(Map<String, String> nodeLabels) {
    for (Map.Entry<String, Map<String, Long>> entry : byKey.entrySet()) {
      String value = nodeLabels.get(entry.getKey());
      if (value != null && entry.getValue().getOrDefault(value, 0L) > 0) {
        return true;
      }
    }
    return false;
  }
}
