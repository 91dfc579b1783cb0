package io.pilothouse.scheduler.framework;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;

/**
 * A pod's effective resource request, as upstream's {@code resourcehelper.PodRequests}: the sum of
 * its containers, raised to the largest init container (init containers run one after the other;
 * restartable "sidecar" init containers keep running and add up), plus the pod overhead. The
 * non-zero variant counts a container without a cpu or memory request as 100m / 200Mi, which is
 * what the scoring plugins spread with, so best-effort pods do not all land on one node.
 */
public final class PodRequests {

  /** Upstream's {@code DefaultMilliCPURequest}. */
  public static final long DEFAULT_MILLI_CPU_REQUEST = 100;

  /** Upstream's {@code DefaultMemoryRequest}: 200 MiB. */
  public static final long DEFAULT_MEMORY_REQUEST = 200L * 1024 * 1024;

  private PodRequests() {}

  /** The pod's request as the NodeResourcesFit filter checks it. */
  public static Resource requests(Pod pod) {
    return compute(pod, false);
  }

  /** The request with missing cpu/memory container requests counted as the defaults. */
  public static Resource nonZeroRequests(Pod pod) {
    return compute(pod, true);
  }

  private static Resource compute(Pod pod, boolean nonZero) {
    PodSpec spec = pod.getSpec();
    Resource total = new Resource();
    if (spec == null) {
      return total;
    }
    for (Container container : nullSafe(spec.getContainers())) {
      if (container != null) {
        total.add(containerRequest(container, nonZero));
      }
    }
    Resource sidecars = new Resource();
    Resource initMax = new Resource();
    for (Container init : nullSafe(spec.getInitContainers())) {
      if (init == null) {
        continue;
      }
      Resource request = containerRequest(init, nonZero);
      if ("Always".equals(init.getRestartPolicy())) {
        total.add(request);
        sidecars.add(request);
        initMax.setMax(sidecars);
      } else {
        request.add(sidecars);
        initMax.setMax(request);
      }
    }
    total.setMax(initMax);
    total.add(spec.getOverhead());
    return total;
  }

  private static Resource containerRequest(Container container, boolean nonZero) {
    Map<String, Quantity> requests =
        container.getResources() == null ? null : container.getResources().getRequests();
    Resource resource = Resource.of(requests);
    if (nonZero) {
      boolean noCpu = requests == null || !requests.containsKey(ResourceNames.CPU);
      boolean noMemory = requests == null || !requests.containsKey(ResourceNames.MEMORY);
      resource.addCpuAndMemory(
          noCpu ? DEFAULT_MILLI_CPU_REQUEST : 0, noMemory ? DEFAULT_MEMORY_REQUEST : 0);
    }
    return resource;
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }
}
