package io.pilothouse.scheduler.framework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scheduling profile, as one entry of upstream's {@code KubeSchedulerConfiguration.profiles}: the
 * scheduler names it serves, the enabled plugins in the order they run, each score plugin's weight
 * (1 if not given), and percentageOfNodesToScore (0 = upstream's adaptive default, which stops
 * filtering once enough feasible nodes are found in large clusters).
 */
public record Profile(
    Set<String> schedulerNames,
    List<String> plugins,
    Map<String, Integer> weights,
    int percentageOfNodesToScore) {

  public Profile {
    schedulerNames = Set.copyOf(schedulerNames);
    plugins = List.copyOf(plugins);
    weights = Map.copyOf(weights);
  }

  /** The score weight of a plugin. */
  public int weight(String plugin) {
    return weights.getOrDefault(plugin, 1);
  }

  /** This profile without the given plugin. */
  public Profile without(String plugin) {
    List<String> remaining = new ArrayList<>(plugins);
    remaining.remove(plugin);
    Map<String, Integer> remainingWeights = new LinkedHashMap<>(weights);
    remainingWeights.remove(plugin);
    return new Profile(schedulerNames, remaining, remainingWeights, percentageOfNodesToScore);
  }

  /** This profile with one more plugin (appended) and its weight. */
  public Profile with(String plugin, int weight) {
    List<String> more = new ArrayList<>(plugins);
    if (!more.contains(plugin)) {
      more.add(plugin);
    }
    Map<String, Integer> moreWeights = new LinkedHashMap<>(weights);
    moreWeights.put(plugin, weight);
    return new Profile(schedulerNames, more, moreWeights, percentageOfNodesToScore);
  }

  /** This profile with another percentageOfNodesToScore (100 = always score every node). */
  public Profile withPercentageOfNodesToScore(int percentage) {
    return new Profile(schedulerNames, plugins, weights, percentage);
  }
}
