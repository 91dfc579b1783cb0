package io.pilothouse.node.kubelet;

import java.time.Instant;

/**
 * Runs a running container's probes when they are due: the startup probe until it passes (a
 * container that fails it is killed), then liveness (failure kills the container, which restarts
 * per restartPolicy) and readiness (which sets the container's {@code ready}).
 */
final class PodProbes {

  private final PodWorkerContext ctx;

  PodProbes(PodWorkerContext ctx) {
    this.ctx = ctx;
  }

  void run(PodWorker worker, ContainerRecord r, String podIp, Instant now, Wake wake) {
    ensureTrackers(r);
    Prober.Target target = new Prober.Target(podIp, r.spec, r.containerId);
    if (r.startup != null && !r.started) {
      if (r.startup.due(now)) {
        ProbeResult result = ctx.prober().probe(r.startup.probe(), target, r.startup.timeout());
        r.startup.record(result, now);
        if (result.success()) {
          r.started = true;
        } else if (r.startup.failedThreshold()) {
          unhealthy(worker, r, "Startup", result.message(), "failed startup probe");
          return;
        }
      }
      if (!r.started) {
        wake.atMost(r.startup.nextDue());
        return;
      }
    }
    r.started = true;
    if (r.liveness != null) {
      if (r.liveness.due(now)) {
        ProbeResult result = ctx.prober().probe(r.liveness.probe(), target, r.liveness.timeout());
        r.liveness.record(result, now);
        if (!result.success() && r.liveness.failedThreshold()) {
          unhealthy(worker, r, "Liveness", result.message(), "failed liveness probe");
          return;
        }
      }
      wake.atMost(r.liveness.nextDue());
    }
    if (r.readiness == null) {
      r.ready = true;
      return;
    }
    if (r.readiness.due(now)) {
      ProbeResult result = ctx.prober().probe(r.readiness.probe(), target, r.readiness.timeout());
      r.readiness.record(result, now);
      if (!result.success()) {
        ctx.api()
            .event(
                worker.pod(),
                "Warning",
                "Unhealthy",
                "Readiness probe failed: " + result.message());
      }
    }
    r.ready = r.readiness.result();
    wake.atMost(r.readiness.nextDue());
  }

  private void unhealthy(
      PodWorker worker, ContainerRecord r, String kind, String message, String action) {
    ctx.api().event(worker.pod(), "Warning", "Unhealthy", kind + " probe failed: " + message);
    r.ready = false;
    worker.killUnhealthy(r, action);
  }

  private static void ensureTrackers(ContainerRecord r) {
    String instance = r.current.id();
    if (instance.equals(r.probedInstance)) {
      return;
    }
    Instant startedAt = r.current.startedAt();
    var spec = r.spec;
    r.probedInstance = instance;
    r.startup =
        spec.getStartupProbe() == null
            ? null
            : new ProbeTracker(ProbeTracker.Kind.STARTUP, spec.getStartupProbe(), startedAt);
    r.liveness =
        spec.getLivenessProbe() == null
            ? null
            : new ProbeTracker(ProbeTracker.Kind.LIVENESS, spec.getLivenessProbe(), startedAt);
    r.readiness =
        spec.getReadinessProbe() == null
            ? null
            : new ProbeTracker(ProbeTracker.Kind.READINESS, spec.getReadinessProbe(), startedAt);
    r.started = r.startup == null;
    r.ready = false;
  }
}
