package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.pilothouse.node.runtime.ContainerRuntimeException;
import io.pilothouse.node.runtime.PodSandboxConfig;
import io.pilothouse.node.runtime.PodSandboxStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Drives one pod bound to this node toward its spec, one level-triggered {@link #sync()} at a time:
 * sets up the sandbox (pod IP) and volumes, runs the init containers in order, then the containers,
 * restarts them per restartPolicy with CrashLoopBackOff, runs their probes, writes the pod status
 * when it changed, and on deletion kills the pod gracefully and finishes the deletion. {@code
 * sync()} returns when it wants to run again; runtime events and pod updates wake it sooner.
 */
public final class PodWorker {

  private static final Logger LOG = Logger.getLogger(PodWorker.class.getName());
  static final Duration RESYNC = Duration.ofSeconds(10);

  private final PodWorkerContext ctx;
  private final Map<String, ContainerRecord> inits = new LinkedHashMap<>();
  private final Map<String, ContainerRecord> containers = new LinkedHashMap<>();
  private final PodProbes probes;
  private final PodTerminator terminator;
  private final ContainerSync containerSync;
  private volatile Pod pod;
  private volatile boolean gone;
  private PodSandboxStatus sandbox;
  private Map<String, Path> volumes;
  private Instant startTime;
  private boolean initialized;
  private String terminalPhase;
  private PodStatus lastWritten;
  private boolean finished;
  private String sandboxProblem;

  public PodWorker(Pod pod, PodWorkerContext ctx) {
    this.pod = pod;
    this.ctx = ctx;
    this.probes = new PodProbes(ctx);
    this.terminator = new PodTerminator(ctx);
    this.containerSync = new ContainerSync(this, ctx, probes);
    for (Container c : nullSafe(pod.getSpec().getInitContainers())) {
      inits.put(c.getName(), new ContainerRecord(c, true));
    }
    for (Container c : pod.getSpec().getContainers()) {
      containers.put(c.getName(), new ContainerRecord(c, false));
    }
    restoreFromStatus(pod.getStatus());
  }

  private void restoreFromStatus(PodStatus status) {
    if (status == null) {
      return;
    }
    String phase = status.getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      terminalPhase = phase;
      lastWritten = status;
    }
    restoreCounts(status.getInitContainerStatuses(), inits);
    restoreCounts(status.getContainerStatuses(), containers);
  }

  private static void restoreCounts(
      List<io.fabric8.kubernetes.api.model.ContainerStatus> statuses,
      Map<String, ContainerRecord> records) {
    for (var s : nullSafe(statuses)) {
      ContainerRecord r = records.get(s.getName());
      if (r != null && s.getRestartCount() != null) {
        boolean ran = s.getContainerID() != null && !s.getContainerID().isEmpty();
        r.restartCount = s.getRestartCount() + (ran ? 1 : 0);
      }
    }
  }

  public Pod pod() {
    return pod;
  }

  PodWorkerContext context() {
    return ctx;
  }

  public String uid() {
    return pod.getMetadata().getUid();
  }

  /** The pod changed in the API (new spec, deletionTimestamp, status written by others). */
  public void update(Pod newer) {
    this.pod = newer;
  }

  /** The pod vanished from the API without a graceful deletion (force delete). */
  public void markGone() {
    this.gone = true;
  }

  /** Whether this worker has nothing left to do (the pod is deleted and cleaned up). */
  public boolean finished() {
    return finished;
  }

  /** The sandbox's pod IP, once there is one. */
  public String podIp() {
    return sandbox == null ? null : sandbox.ip();
  }

  ContainerRecord record(String name) {
    ContainerRecord r = containers.get(name);
    return r != null ? r : inits.get(name);
  }

  /** Brings the pod one step closer to its spec; returns when to sync again (null: never). */
  public synchronized Instant sync() {
    if (finished) {
      return null;
    }
    Instant now = ctx.clock().instant();
    if (gone || pod.getMetadata().getDeletionTimestamp() != null) {
      terminate();
      return null;
    }
    if (terminalPhase != null) {
      if (sandbox != null) {
        writeStatus(now);
      }
      return null;
    }
    Wake wake = new Wake(now.plus(RESYNC));
    if (!ensureSandbox(now)) {
      writeStatus(now);
      return now.plusSeconds(5);
    }
    refresh();
    boolean initDone = syncInitContainers(now, wake);
    if (initDone) {
      initialized = true;
      syncContainers(now, wake);
    }
    String phase =
        PodStatusComputer.phase(pod, inits.values(), containers.values(), initialized, false);
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      terminalPhase = phase;
      stopAll(Duration.ZERO);
      ctx.runtime().stopPodSandbox(sandbox.id());
    }
    writeStatus(now);
    return terminalPhase != null ? null : wake.at();
  }

  private boolean ensureSandbox(Instant now) {
    if (sandbox != null) {
      return true;
    }
    try {
      String requested = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
      sandbox =
          ctx.runtime()
              .runPodSandbox(
                  new PodSandboxConfig(
                      uid(),
                      pod.getMetadata().getNamespace(),
                      pod.getMetadata().getName(),
                      requested,
                      pod.getMetadata().getAnnotations(),
                      ctx.logDir(pod)));
      startTime = now;
    } catch (ContainerRuntimeException e) {
      sandboxFailed("FailedCreatePodSandBox", "Failed to create pod sandbox: " + e.getMessage());
      return false;
    }
    try {
      volumes = ctx.volumes().setUp(pod, ctx.podDir(pod), sandbox.ip(), ctx.hostIp());
      sandboxProblem = null;
      return true;
    } catch (VolumeException e) {
      ctx.runtime().stopPodSandbox(sandbox.id());
      sandbox = null;
      sandboxFailed("FailedMount", e.getMessage());
      return false;
    }
  }

  private void sandboxFailed(String reason, String message) {
    if (!message.equals(sandboxProblem)) {
      ctx.api().event(pod, "Warning", reason, message);
      LOG.info(key() + ": " + message);
    }
    sandboxProblem = message;
  }

  private void refresh() {
    for (ContainerRecord r : all()) {
      if (r.containerId != null) {
        r.current = ctx.runtime().containerStatus(r.containerId).orElse(r.current);
      }
    }
  }

  /** Runs the init containers one after another; true once all have succeeded (or started). */
  private boolean syncInitContainers(Instant now, Wake wake) {
    if (initialized) {
      for (ContainerRecord r : inits.values()) {
        if (r.sidecar()) {
          containerSync.syncOne(r, now, wake, "Always");
        }
      }
      return true;
    }
    String policy = PodStatusComputer.restartPolicy(pod);
    for (ContainerRecord r : inits.values()) {
      if (r.sidecar()) {
        containerSync.syncOne(r, now, wake, "Always");
        if (!r.started) {
          return false;
        }
        continue;
      }
      if (r.succeeded()) {
        continue;
      }
      containerSync.syncOne(r, now, wake, "Never".equals(policy) ? "Never" : "OnFailure");
      return false;
    }
    return true;
  }

  private void syncContainers(Instant now, Wake wake) {
    String policy = PodStatusComputer.restartPolicy(pod);
    for (ContainerRecord r : containers.values()) {
      containerSync.syncOne(r, now, wake, policy);
    }
  }

  ContainerStarter.PodContext starterContext() {
    return new ContainerStarter.PodContext(
        pod, sandbox.id(), sandbox.ip(), ctx.hostIp(), volumes, ctx.logDir(pod));
  }

  /** Kills a container that failed its liveness or startup probe; the next sync restarts it. */
  void killUnhealthy(ContainerRecord r, String message) {
    ctx.api()
        .event(
            pod,
            "Normal",
            "Killing",
            "Container " + r.name + " " + message + ", will be restarted");
    ctx.runtime().stopContainer(r.containerId, gracePeriod());
    r.current = ctx.runtime().containerStatus(r.containerId).orElse(r.current);
  }

  private void stopAll(Duration grace) {
    for (ContainerRecord r : all()) {
      if (r.running()) {
        ctx.runtime().stopContainer(r.containerId, grace);
        r.current = ctx.runtime().containerStatus(r.containerId).orElse(r.current);
      }
    }
  }

  Duration gracePeriod() {
    Long seconds = pod.getMetadata().getDeletionGracePeriodSeconds();
    if (seconds == null) {
      seconds = pod.getSpec().getTerminationGracePeriodSeconds();
    }
    return Duration.ofSeconds(seconds == null ? 30 : Math.max(0, seconds));
  }

  private void terminate() {
    terminator.terminate(this, pod, sandbox, all(), gone);
    finished = true;
  }

  /** Writes the final status of a terminated pod (called by the terminator). */
  void writeFinalStatus() {
    String phase = PodStatusComputer.phase(pod, inits.values(), containers.values(), true, true);
    terminalPhase = phase;
    for (ContainerRecord r : all()) {
      r.ready = false;
      r.clearWaiting();
    }
    writeStatus(ctx.clock().instant());
  }

  private void writeStatus(Instant now) {
    String phase =
        terminalPhase != null
            ? terminalPhase
            : sandbox == null
                ? "Pending"
                : PodStatusComputer.phase(
                    pod, inits.values(), containers.values(), initialized, false);
    for (ContainerRecord r : all()) {
      if (terminalPhase != null) {
        r.ready = false;
      }
    }
    PodStatus status =
        PodStatusComputer.compute(
            new PodStatusComputer.Input(
                pod,
                inits.values(),
                containers.values(),
                initialized,
                phase,
                podIp(),
                ctx.hostIp(),
                startTime,
                pod.getMetadata().getDeletionTimestamp() != null),
            now);
    if (status.equals(lastWritten)) {
      return;
    }
    ctx.api()
        .updatePodStatus(pod, status)
        .ifPresent(
            stored -> {
              lastWritten = status;
              pod = stored;
            });
  }

  private List<ContainerRecord> all() {
    List<ContainerRecord> out = new java.util.ArrayList<>(inits.values());
    out.addAll(containers.values());
    return out;
  }

  String key() {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }

  private static <T> List<T> nullSafe(List<T> list) {
    return list == null ? List.of() : list;
  }
}
