package io.pilothouse.node.runtime;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One container of the process runtime: its resolved command, its process and what became of it.
 */
final class ProcessContainer {

  final String id;
  final String sandboxId;
  final ContainerConfig config;
  final ImageCatalog.Entry image;
  final String imageRef;
  final Instant createdAt;
  final List<Path> createdMountPoints = new ArrayList<>();

  List<String> argv;
  Map<String, String> env;
  Path workingDir;
  volatile ContainerState state = ContainerState.CREATED;
  volatile Instant startedAt;
  volatile Instant finishedAt;
  volatile int exitCode;
  volatile String reason;
  volatile String message;
  volatile Process process;
  volatile long pid;
  volatile Path cgroup;
  volatile boolean stopRequested;
  ContainerLogPump pump;

  ProcessContainer(
      String id,
      String sandboxId,
      ContainerConfig config,
      ImageCatalog.Entry image,
      String imageRef,
      Instant createdAt) {
    this.id = id;
    this.sandboxId = sandboxId;
    this.config = config;
    this.image = image;
    this.imageRef = imageRef;
    this.createdAt = createdAt;
  }

  ContainerStatus status() {
    String external = pid > 0 ? "process://" + pid : "process://" + id;
    return new ContainerStatus(
        id,
        sandboxId,
        config.name(),
        config.attempt(),
        state,
        createdAt,
        startedAt,
        finishedAt,
        exitCode,
        reason,
        message,
        config.image(),
        imageRef,
        external,
        config.logPath());
  }
}
