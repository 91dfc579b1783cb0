package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.pilothouse.node.runtime.ContainerStatus;
import java.time.Instant;

/**
 * What a pod worker knows about one container of its pod across restarts: the current and the
 * previous instance, restart count and back-off, why it is waiting, and its probes.
 */
final class ContainerRecord {

  final String name;
  final boolean init;
  Container spec;
  String containerId;
  ContainerStatus current;
  ContainerStatus previous;
  int restartCount;
  String imageRef;
  String waitingReason;
  String waitingMessage;
  Instant retryAt = Instant.MIN;
  final RestartBackoff backoff = new RestartBackoff();
  final RestartBackoff pullBackoff = new RestartBackoff();

  /** The instance whose exit was already fed to the back-off. */
  String backoffCountedFor;

  ProbeTracker liveness;
  ProbeTracker readiness;
  ProbeTracker startup;

  /** The instance the probes belong to. */
  String probedInstance;

  boolean started;
  boolean ready;

  ContainerRecord(Container spec, boolean init) {
    this.name = spec.getName();
    this.spec = spec;
    this.init = init;
  }

  /** A sidecar: an init container with {@code restartPolicy: Always}. */
  boolean sidecar() {
    return init && "Always".equals(spec.getRestartPolicy());
  }

  boolean running() {
    return current != null && current.running();
  }

  boolean exited() {
    return current != null && current.exited();
  }

  boolean succeeded() {
    return exited() && current.exitCode() == 0;
  }

  void waiting(String reason, String message) {
    this.waitingReason = reason;
    this.waitingMessage = message;
  }

  void clearWaiting() {
    this.waitingReason = null;
    this.waitingMessage = null;
  }

  void resetProbes() {
    liveness = null;
    readiness = null;
    startup = null;
    probedInstance = null;
    started = false;
    ready = false;
  }
}
