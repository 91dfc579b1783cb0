package io.pilothouse.scheduler.plugins.noderesources;

import io.pilothouse.scheduler.framework.ClusterEvent;
import io.pilothouse.scheduler.framework.CycleState;
import io.pilothouse.scheduler.framework.EnqueueExtensions;
import io.pilothouse.scheduler.framework.FilterPlugin;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.Resource;
import io.pilothouse.scheduler.framework.ResourceNames;
import io.pilothouse.scheduler.framework.ScorePlugin;
import io.pilothouse.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Resource fit: filters out nodes whose allocatable minus what their pods (bound and assumed)
 * request cannot hold the pod's request (cpu, memory, ephemeral-storage, extended resources, and
 * the pod count), and scores with upstream's default {@code LeastAllocated} strategy: the more of a
 * node stays free after placing the pod, the higher its score, per resource weighted (cpu 1, memory
 * 1 by default).
 */
public final class NodeResourcesFit implements FilterPlugin, ScorePlugin, EnqueueExtensions {

  public static final String NAME = "NodeResourcesFit";

  /** Upstream's reason when the node's pod count is exhausted. */
  public static final String TOO_MANY_PODS = "Too many pods";

  /** The resources and weights the LeastAllocated strategy scores (default cpu 1, memory 1). */
  public record ResourceSpec(String name, long weight) {}

  private final List<ResourceSpec> scoredResources;

  public NodeResourcesFit() {
    this(
        List.of(new ResourceSpec(ResourceNames.CPU, 1), new ResourceSpec(ResourceNames.MEMORY, 1)));
  }

  public NodeResourcesFit(List<ResourceSpec> scoredResources) {
    this.scoredResources = List.copyOf(scoredResources);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo nodeInfo) {
    if (fits(pod.requests(), nodeInfo)) {
      return Status.success();
    }
    return Status.unschedulable(insufficientResources(pod.requests(), nodeInfo));
  }

  /** The allocation-free check of the common case; the reasons are computed only on failure. */
  private static boolean fits(Resource request, NodeInfo node) {
    Resource allocatable = node.allocatable();
    Resource requested = node.requested();
    if (node.pods().size() + 1 > allocatable.allowedPodNumber()) {
      return false;
    }
    if (request.milliCpu() > allocatable.milliCpu() - requested.milliCpu() && request.milliCpu() > 0
        || request.memory() > allocatable.memory() - requested.memory() && request.memory() > 0
        || request.ephemeralStorage()
                > allocatable.ephemeralStorage() - requested.ephemeralStorage()
            && request.ephemeralStorage() > 0) {
      return false;
    }
    for (Map.Entry<String, Long> scalar : request.scalars().entrySet()) {
      long want = scalar.getValue();
      if (want > 0
          && want > allocatable.scalar(scalar.getKey()) - requested.scalar(scalar.getKey())) {
        return false;
      }
    }
    return true;
  }

  /** The "Too many pods" / "Insufficient x" reasons, in upstream's order. */
  static List<String> insufficientResources(Resource request, NodeInfo node) {
    List<String> reasons = new ArrayList<>(0);
    Resource allocatable = node.allocatable();
    Resource requested = node.requested();
    if (node.pods().size() + 1 > allocatable.allowedPodNumber()) {
      reasons.add(TOO_MANY_PODS);
    }
    if (request.isZero()) {
      return reasons;
    }
    check(
        reasons,
        ResourceNames.CPU,
        request.milliCpu(),
        allocatable.milliCpu(),
        requested.milliCpu());
    check(
        reasons, ResourceNames.MEMORY, request.memory(), allocatable.memory(), requested.memory());
    check(
        reasons,
        ResourceNames.EPHEMERAL_STORAGE,
        request.ephemeralStorage(),
        allocatable.ephemeralStorage(),
        requested.ephemeralStorage());
    Map<String, Long> scalars = new TreeMap<>(request.scalars());
    scalars.forEach(
        (name, value) ->
            check(reasons, name, value, allocatable.scalar(name), requested.scalar(name)));
    return reasons;
  }

  private static void check(
      List<String> reasons, String name, long want, long allocatable, long used) {
    if (want > 0 && want > allocatable - used) {
      reasons.add("Insufficient " + name);
    }
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo nodeInfo) {
    long nodeScore = 0;
    long weightSum = 0;
    for (ResourceSpec spec : scoredResources) {
      long[] allocatableAndRequested = allocatableAndRequested(spec.name(), pod, nodeInfo);
      long allocatable = allocatableAndRequested[0];
      if (allocatable == 0) {
        continue;
      }
      nodeScore += leastRequestedScore(allocatableAndRequested[1], allocatable) * spec.weight();
      weightSum += spec.weight();
    }
    return weightSum == 0 ? 0 : nodeScore / weightSum;
  }

  /**
   * Allocatable and requested-after-placement, counting missing cpu/memory requests as defaults.
   */
  private static long[] allocatableAndRequested(String resource, PodInfo pod, NodeInfo node) {
    return switch (resource) {
      case ResourceNames.CPU ->
          new long[] {
            node.allocatable().milliCpu(), node.nonZeroRequestedMilliCpu() + pod.nonZeroMilliCpu()
          };
      case ResourceNames.MEMORY ->
          new long[] {
            node.allocatable().memory(), node.nonZeroRequestedMemory() + pod.nonZeroMemory()
          };
      default -> {
        long podRequest = pod.requests().get(resource);
        if (podRequest == 0 && ResourceNames.isScalar(resource)) {
          yield new long[] {0, 0};
        }
        yield new long[] {
          node.allocatable().get(resource), node.requested().get(resource) + podRequest
        };
      }
    };
  }

  /** Upstream's {@code leastRequestedScore}: the free share of capacity, 0–100. */
  static long leastRequestedScore(long requested, long capacity) {
    if (capacity == 0 || requested > capacity) {
      return 0;
    }
    return (capacity - requested) * MAX_NODE_SCORE / capacity;
  }

  @Override
  public Set<ClusterEvent> eventsToRegister() {
    return Set.of(
        ClusterEvent.NODE_ADD,
        ClusterEvent.NODE_UPDATE,
        ClusterEvent.ASSIGNED_POD_DELETE,
        ClusterEvent.ASSIGNED_POD_UPDATE);
  }
}
