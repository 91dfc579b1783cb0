package io.pilothouse.node.kubelet;

import io.pilothouse.node.runtime.ContainerStatus;
import java.util.List;
import java.util.Optional;

/** Finds container logs through the pod workers of every node this agent runs. */
public final class WorkersLogLocator implements LogLocator {

  private final List<PodWorkers> nodes;

  public WorkersLogLocator(List<PodWorkers> nodes) {
    this.nodes = nodes;
  }

  @Override
  public Optional<LogFile> find(String namespace, String pod, String container, boolean previous)
      throws LogNotFound {
    PodWorker worker =
        nodes.stream()
            .map(w -> w.find(namespace, pod))
            .flatMap(Optional::stream)
            .findFirst()
            .orElseThrow(() -> new LogNotFound("pods \"" + pod + "\" not found"));
    ContainerRecord r = worker.record(container);
    if (r == null) {
      throw new LogNotFound("container \"" + container + "\" in pod \"" + pod + "\" is not valid");
    }
    ContainerStatus s = previous ? r.previous : r.current;
    if (s == null) {
      throw new LogNotFound(
          previous
              ? "previous terminated container \""
                  + container
                  + "\" in pod \""
                  + pod
                  + "\" not found"
              : "container \""
                  + container
                  + "\" in pod \""
                  + pod
                  + "\" is waiting to start: "
                  + (r.waitingReason == null ? "ContainerCreating" : r.waitingReason));
    }
    var runtime = worker.context().runtime();
    String id = s.id();
    return Optional.of(
        new LogFile(
            s.logPath(),
            () ->
                !previous
                    && runtime.containerStatus(id).map(ContainerStatus::running).orElse(false)));
  }
}
