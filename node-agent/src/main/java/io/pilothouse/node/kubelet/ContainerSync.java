package io.pilothouse.node.kubelet;

import java.time.Duration;
import java.time.Instant;

/**
 * Drives one container of a pod one step: starts it when it has no instance, runs its probes while
 * it runs, and restarts it after an exit when the restart policy says so, honouring the
 * CrashLoopBackOff back-off (waiting {@code CrashLoopBackOff} until it has passed).
 */
final class ContainerSync {

  private final PodWorker worker;
  private final PodWorkerContext ctx;
  private final PodProbes probes;

  ContainerSync(PodWorker worker, PodWorkerContext ctx, PodProbes probes) {
    this.worker = worker;
    this.ctx = ctx;
    this.probes = probes;
  }

  /** Starts, probes or restarts one container according to its state. */
  void syncOne(ContainerRecord r, Instant now, Wake wake, String policy) {
    if (r.current == null || r.containerId == null && r.waitingReason != null) {
      startContainer(r, now, wake);
    } else if (r.running()) {
      probes.run(worker, r, worker.podIp(), now, wake);
      if (r.running() && !r.started && !r.ready) {
        wake.atMost(now.plusSeconds(1));
      }
    } else if (r.exited()) {
      restartIfNeeded(r, now, wake, policy);
    } else {
      wake.atMost(now.plusSeconds(1));
    }
  }

  private void startContainer(ContainerRecord r, Instant now, Wake wake) {
    if (!ctx.starter().start(worker.starterContext(), r)) {
      wake.atMost(r.retryAt);
      return;
    }
    if (r.running()) {
      probes.run(worker, r, worker.podIp(), now, wake);
    }
    wake.atMost(now.plusSeconds(1));
  }

  private void restartIfNeeded(ContainerRecord r, Instant now, Wake wake, String policy) {
    r.ready = false;
    boolean restart =
        "Always".equals(policy) || "OnFailure".equals(policy) && r.current.exitCode() != 0;
    if (!restart) {
      r.clearWaiting();
      return;
    }
    if (!r.current.id().equals(r.backoffCountedFor)) {
      r.backoffCountedFor = r.current.id();
      Instant started = r.current.startedAt();
      Instant finished = r.current.finishedAt() == null ? now : r.current.finishedAt();
      r.backoff.exited(
          finished, started == null ? Duration.ZERO : Duration.between(started, finished));
    }
    if (r.backoff.inBackoff(now)) {
      r.waiting(
          "CrashLoopBackOff",
          "back-off "
              + r.backoff.delay().toSeconds()
              + "s restarting failed container="
              + r.name
              + " pod="
              + worker.pod().getMetadata().getName()
              + "_"
              + worker.pod().getMetadata().getNamespace()
              + "("
              + worker.uid()
              + ")");
      wake.atMost(r.backoff.notBefore());
      return;
    }
    String old = r.previous == null ? null : r.previous.id();
    r.restartCount++;
    r.backoff.restarted();
    if (ctx.starter().start(worker.starterContext(), r)) {
      if (old != null) {
        ctx.runtime().removeContainer(old);
      }
      if (r.running()) {
        probes.run(worker, r, worker.podIp(), now, wake);
      }
      wake.atMost(now.plusSeconds(1));
    } else {
      r.restartCount--;
      wake.atMost(r.retryAt);
    }
  }
}
