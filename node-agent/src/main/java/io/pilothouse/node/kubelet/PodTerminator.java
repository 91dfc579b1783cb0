package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.pilothouse.node.runtime.PodSandboxStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * Graceful pod termination: for every running container, in parallel, the preStop hook and then
 * SIGTERM, {@code terminationGracePeriodSeconds} (what is left of it), SIGKILL of the whole process
 * group; then the final status, the removal of the sandbox, volumes and logs, and the {@code DELETE
 * ?gracePeriodSeconds=0} that lets the API server forget the pod.
 */
final class PodTerminator {

  private static final Logger LOG = Logger.getLogger(PodTerminator.class.getName());
  private static final Duration MIN_GRACE_AFTER_HOOK = Duration.ofSeconds(2);

  private final PodWorkerContext ctx;

  PodTerminator(PodWorkerContext ctx) {
    this.ctx = ctx;
  }

  void terminate(
      PodWorker worker,
      Pod pod,
      PodSandboxStatus sandbox,
      List<ContainerRecord> records,
      boolean gone) {
    Duration grace = gone ? MIN_GRACE_AFTER_HOOK : worker.gracePeriod();
    if (sandbox != null) {
      List<CompletableFuture<Void>> stops = new ArrayList<>();
      for (ContainerRecord r : records) {
        if (r.running()) {
          ctx.api().event(pod, "Normal", "Killing", "Stopping container " + r.name);
          stops.add(
              CompletableFuture.runAsync(() -> stop(worker, r, grace), ctx.terminationExecutor()));
        }
      }
      stops.forEach(CompletableFuture::join);
      if (!gone) {
        worker.writeFinalStatus();
      }
      ctx.runtime().removePodSandbox(sandbox.id());
      deleteTree(ctx.podDir(pod));
      deleteTree(ctx.logDir(pod));
    }
    if (!gone && !ctx.api().finishPodDeletion(pod)) {
      LOG.info(
          worker.key() + ": could not finish the deletion; the API server will retry or GC it");
    }
  }

  private void stop(PodWorker worker, ContainerRecord r, Duration grace) {
    Instant begin = ctx.clock().instant();
    LifecycleHandler preStop =
        r.spec.getLifecycle() == null ? null : r.spec.getLifecycle().getPreStop();
    if (preStop != null) {
      runPreStop(worker, r, preStop, grace);
    }
    Duration left = grace.minus(Duration.between(begin, ctx.clock().instant()));
    if (preStop != null && left.compareTo(MIN_GRACE_AFTER_HOOK) < 0) {
      left = MIN_GRACE_AFTER_HOOK;
    }
    ctx.runtime().stopContainer(r.containerId, left.isNegative() ? Duration.ZERO : left);
    r.current = ctx.runtime().containerStatus(r.containerId).orElse(r.current);
  }

  private void runPreStop(
      PodWorker worker, ContainerRecord r, LifecycleHandler hook, Duration grace) {
    if (hook.getSleep() != null && hook.getSleep().getSeconds() != null) {
      long millis = Math.min(hook.getSleep().getSeconds() * 1000, grace.toMillis());
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    var probe =
        new ProbeBuilder()
            .withExec(hook.getExec())
            .withHttpGet(hook.getHttpGet())
            .withTcpSocket(hook.getTcpSocket())
            .build();
    ProbeResult result =
        ctx.prober().probe(probe, new Prober.Target(worker.podIp(), r.spec, r.containerId), grace);
    if (!result.success()) {
      ctx.api()
          .event(
              worker.pod(),
              "Warning",
              "FailedPreStopHook",
              "PreStopHook failed: " + result.message());
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.fine("could not remove " + dir + ": " + e.getMessage());
    }
  }
}
