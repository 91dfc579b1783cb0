package io.pilothouse.node.runtime;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One container instance as the runtime reports it. {@code externalId} is what the pod status shows
 * as containerID ({@code process://<pid>}, {@code simulated://<id>}); {@code reason} is {@code
 * Completed}, {@code Error}, {@code OOMKilled} or {@code StartError} once exited.
 */
public record ContainerStatus(
    String id,
    String sandboxId,
    String name,
    int attempt,
    ContainerState state,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    int exitCode,
    String reason,
    String message,
    String image,
    String imageRef,
    String externalId,
    Path logPath) {

  public boolean running() {
    return state == ContainerState.RUNNING;
  }

  public boolean exited() {
    return state == ContainerState.EXITED;
  }
}
