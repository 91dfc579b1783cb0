package io.pilothouse.dashboard;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.pilothouse.json.KubernetesJson;
import io.pilothouse.scheduler.framework.PodRequests;
import io.pilothouse.scheduler.framework.Resource;
import java.io.Serializable;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * CPU (millicores) and memory (bytes) a node can give against what its pods request, computed as
 * the scheduler computes them ({@link PodRequests}), so the dashboard and scheduling agree.
 */
public record Allocation(
    long cpuAllocatable, long cpuRequested, long memoryAllocatable, long memoryRequested)
    implements Serializable {

  /** The allocation of a node given the non-terminated pods bound to it. */
  public static Allocation of(JsonNode node, List<? extends JsonNode> pods) {
    Node typed = KubernetesJson.mapper().treeToValue(node, Node.class);
    Resource allocatable =
        Resource.of(typed.getStatus() == null ? null : typed.getStatus().getAllocatable());
    Resource requested = new Resource();
    for (JsonNode pod : pods) {
      requested.add(PodRequests.requests(KubernetesJson.mapper().treeToValue(pod, Pod.class)));
    }
    return new Allocation(
        allocatable.milliCpu(), requested.milliCpu(), allocatable.memory(), requested.memory());
  }

  /** e.g. {@code 250m / 4} . */
  public String cpuText() {
    return Units.cpu(cpuRequested) + " / " + Units.cpu(cpuAllocatable);
  }

  /** e.g. {@code 512Mi / 8Gi}. */
  public String memoryText() {
    return Units.memory(memoryRequested) + " / " + Units.memory(memoryAllocatable);
  }

  /** Requested CPU as a percentage of allocatable (0 when nothing is allocatable). */
  public int cpuPercent() {
    return percent(cpuRequested, cpuAllocatable);
  }

  /** Requested memory as a percentage of allocatable. */
  public int memoryPercent() {
    return percent(memoryRequested, memoryAllocatable);
  }

  private static int percent(long used, long total) {
    return total <= 0 ? 0 : (int) Math.min(999, used * 100 / total);
  }
}
