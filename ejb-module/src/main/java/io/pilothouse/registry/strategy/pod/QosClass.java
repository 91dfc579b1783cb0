package io.pilothouse.registry.strategy.pod;

import io.pilothouse.registry.validation.Quantities;
import io.pilothouse.registry.validation.Trees;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A pod's quality-of-service class as upstream's {@code ComputePodQOS}: {@code Guaranteed} when
 * every container limits cpu and memory and requests equal limits, {@code BestEffort} when nothing
 * requests or limits cpu or memory, {@code Burstable} otherwise. Pod-level resources, when set,
 * decide instead of the containers'.
 */
public final class QosClass {

  public static final String GUARANTEED = "Guaranteed";
  public static final String BURSTABLE = "Burstable";
  public static final String BEST_EFFORT = "BestEffort";

  private static final Set<String> QOS_RESOURCES = Set.of("cpu", "memory");

  private QosClass() {}

  /** The QoS class of a pod with this spec (after defaults). */
  public static String of(JsonNode spec) {
    Map<String, BigDecimal> requests = new HashMap<>();
    Map<String, BigDecimal> limits = new HashMap<>();
    boolean guaranteed;
    JsonNode podResources = spec.get("resources");
    if (Trees.size(podResources, "requests") + Trees.size(podResources, "limits") > 0) {
      guaranteed = collect(podResources, requests, limits, false);
    } else {
      guaranteed = true;
      for (String list : List.of("containers", "initContainers")) {
        for (JsonNode container : Trees.items(spec, list)) {
          guaranteed &= collect(container.get("resources"), requests, limits, true);
        }
      }
    }
    if (requests.isEmpty() && limits.isEmpty()) {
      return BEST_EFFORT;
    }
    if (guaranteed) {
      for (Map.Entry<String, BigDecimal> request : requests.entrySet()) {
        BigDecimal limit = limits.get(request.getKey());
        if (limit == null || limit.compareTo(request.getValue()) != 0) {
          guaranteed = false;
          break;
        }
      }
    }
    return guaranteed && requests.size() == limits.size() ? GUARANTEED : BURSTABLE;
  }

  /** Adds positive cpu/memory amounts; true when both cpu and memory limits were found. */
  private static boolean collect(
      JsonNode resources,
      Map<String, BigDecimal> requests,
      Map<String, BigDecimal> limits,
      boolean sum) {
    add(resources, "requests", requests, sum);
    return add(resources, "limits", limits, sum).containsAll(QOS_RESOURCES);
  }

  private static Set<String> add(
      JsonNode resources, String field, Map<String, BigDecimal> totals, boolean sum) {
    Set<String> found = new HashSet<>();
    for (Map.Entry<String, String> entry : Trees.stringMap(resources, field).entrySet()) {
      if (!QOS_RESOURCES.contains(entry.getKey()) || !Quantities.isValid(entry.getValue())) {
        continue;
      }
      BigDecimal amount = Quantities.decimal(entry.getValue());
      if (amount.signum() > 0) {
        found.add(entry.getKey());
        totals.merge(entry.getKey(), amount, sum ? BigDecimal::add : (a, b) -> b);
      }
    }
    return found;
  }
}
