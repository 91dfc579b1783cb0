package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.Pod;
import io.pilothouse.node.runtime.ContainerRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * Everything a pod worker of one node shares with the others: the runtime, the API, the clock, the
 * prober, the node's IP and the directories pods and their logs live in.
 */
public record PodWorkerContext(
    ContainerRuntime runtime,
    KubeletApi api,
    Clock clock,
    Prober prober,
    ContainerStarter starter,
    VolumeManager volumes,
    String hostIp,
    Path rootDir,
    Executor terminationExecutor) {

  /** Builds the context and the starter from the pieces. */
  public static PodWorkerContext of(
      ContainerRuntime runtime,
      KubeletApi api,
      Clock clock,
      Prober prober,
      EnvResolver env,
      VolumeManager volumes,
      String hostIp,
      Path rootDir,
      Executor terminationExecutor) {
    return new PodWorkerContext(
        runtime,
        api,
        clock,
        prober,
        new ContainerStarter(runtime, env, api, clock),
        volumes,
        hostIp,
        rootDir,
        terminationExecutor);
  }

  /** The pod's own directory (volumes), {@code <root>/pods/<uid>}. */
  public Path podDir(Pod pod) {
    return rootDir.resolve("pods").resolve(pod.getMetadata().getUid());
  }

  /** The pod's log directory, {@code <root>/logs/<namespace>_<name>_<uid>} as upstream's. */
  public Path logDir(Pod pod) {
    var m = pod.getMetadata();
    return rootDir.resolve("logs").resolve(m.getNamespace() + "_" + m.getName() + "_" + m.getUid());
  }
}
