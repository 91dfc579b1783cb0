package io.pilothouse.node.runtime;

import java.time.Duration;
import java.time.Instant;

/** A simulated container: its state at any instant follows from when it was started and stopped. */
final class SimulatedContainer {

  final String id;
  final String sandboxId;
  final ContainerConfig config;
  final Instant createdAt;
  private final Duration startDelay;
  private final Duration runFor;
  private final int exitCode;
  private Instant startedRequestAt;
  private Instant stoppedAt;
  private int stopExitCode;

  SimulatedContainer(
      String id,
      String sandboxId,
      ContainerConfig config,
      Instant createdAt,
      Duration startDelay,
      Duration runFor,
      int exitCode) {
    this.id = id;
    this.sandboxId = sandboxId;
    this.config = config;
    this.createdAt = createdAt;
    this.startDelay = startDelay;
    this.runFor = runFor;
    this.exitCode = exitCode;
  }

  synchronized void start(Instant now) {
    if (startedRequestAt == null) {
      startedRequestAt = now;
    }
  }

  synchronized void stop(Instant now, int code) {
    if (stoppedAt == null && (naturalEnd() == null || now.isBefore(naturalEnd()))) {
      stoppedAt = now;
      stopExitCode = code;
    }
  }

  synchronized Instant runningAt() {
    return startedRequestAt == null ? null : startedRequestAt.plus(startDelay);
  }

  synchronized Instant naturalEnd() {
    return startedRequestAt == null || runFor == null ? null : runningAt().plus(runFor);
  }

  synchronized ContainerStatus status(Instant now) {
    Instant runningAt = runningAt();
    Instant end = naturalEnd();
    if (stoppedAt != null && !now.isBefore(stoppedAt)) {
      Instant started = runningAt != null && !stoppedAt.isBefore(runningAt) ? runningAt : null;
      return status(ContainerState.EXITED, started, stoppedAt, stopExitCode);
    }
    if (end != null && !now.isBefore(end)) {
      return status(ContainerState.EXITED, runningAt, end, exitCode);
    }
    if (runningAt != null && !now.isBefore(runningAt)) {
      return status(ContainerState.RUNNING, runningAt, null, 0);
    }
    return status(ContainerState.CREATED, null, null, 0);
  }

  private ContainerStatus status(
      ContainerState state, Instant started, Instant finished, int code) {
    String reason = state == ContainerState.EXITED ? (code == 0 ? "Completed" : "Error") : null;
    return new ContainerStatus(
        id,
        sandboxId,
        config.name(),
        config.attempt(),
        state,
        createdAt,
        started,
        finished,
        code,
        reason,
        null,
        config.image(),
        "simulated://" + config.image(),
        "simulated://" + id,
        config.logPath());
  }
}
