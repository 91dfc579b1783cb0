package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.pilothouse.node.runtime.ContainerConfig;
import io.pilothouse.node.runtime.ContainerRuntime;
import io.pilothouse.node.runtime.ImagePullException;
import io.pilothouse.node.runtime.Mount;
import io.pilothouse.node.runtime.SimulatedRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Starts one container instance of a pod: "pulls" its image, resolves its environment, expands
 * {@code $(VAR)} in command and args, maps its volume mounts, then creates and starts it in the
 * runtime. A failure leaves the container waiting with upstream's reason: {@code ErrImagePull} /
 * {@code ImagePullBackOff} or {@code CreateContainerConfigError}.
 */
final class ContainerStarter {

  /** The pod-level facts a container start needs. */
  record PodContext(
      Pod pod,
      String sandboxId,
      String podIp,
      String hostIp,
      Map<String, Path> volumes,
      Path logDir) {}

  private final ContainerRuntime runtime;
  private final EnvResolver env;
  private final KubeletApi api;
  private final Clock clock;

  ContainerStarter(ContainerRuntime runtime, EnvResolver env, KubeletApi api, Clock clock) {
    this.runtime = runtime;
    this.env = env;
    this.api = api;
    this.clock = clock;
  }

  /** Tries to start the next instance of the container; true when it was started. */
  boolean start(PodContext ctx, ContainerRecord rec) {
    Instant now = clock.instant();
    if (now.isBefore(rec.retryAt)) {
      if ("ErrImagePull".equals(rec.waitingReason)
          || "ImagePullBackOff".equals(rec.waitingReason)) {
        rec.waiting("ImagePullBackOff", "Back-off pulling image \"" + rec.spec.getImage() + "\"");
      }
      return false;
    }
    Container c = rec.spec;
    try {
      rec.imageRef = runtime.pullImage(c.getImage());
    } catch (ImagePullException e) {
      rec.pullBackoff.restarted();
      rec.retryAt = now.plus(rec.pullBackoff.delay());
      rec.waiting("ErrImagePull", e.getMessage());
      api.event(
          ctx.pod(),
          "Warning",
          "Failed",
          "Failed to pull image \"" + c.getImage() + "\": " + e.getMessage());
      return false;
    }
    ContainerConfig config;
    try {
      config = config(ctx, rec);
    } catch (CreateContainerConfigException e) {
      rec.retryAt = now.plusSeconds(5);
      rec.waiting("CreateContainerConfigError", e.getMessage());
      api.event(ctx.pod(), "Warning", "Failed", "Error: " + e.getMessage());
      return false;
    }
    String id = runtime.createContainer(ctx.sandboxId(), config);
    runtime.startContainer(id);
    rec.previous = rec.current;
    rec.containerId = id;
    rec.current = runtime.containerStatus(id).orElse(null);
    rec.clearWaiting();
    rec.resetProbes();
    rec.retryAt = Instant.MIN;
    api.event(ctx.pod(), "Normal", "Started", "Started container " + c.getName());
    return true;
  }

  private ContainerConfig config(PodContext ctx, ContainerRecord rec)
      throws CreateContainerConfigException {
    Container c = rec.spec;
    Map<String, String> vars =
        new LinkedHashMap<>(env.resolve(ctx.pod(), c, ctx.podIp(), ctx.hostIp()));
    List<Mount> mounts = mounts(ctx, c, vars);
    for (Mount m : mounts) {
      vars.putIfAbsent(volumeVariable(m.volumeName()), m.hostPath().toString());
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    if (ctx.pod().getMetadata().getAnnotations() != null) {
      annotations.putAll(ctx.pod().getMetadata().getAnnotations());
    }
    annotations.put(SimulatedRuntime.CONTAINER_KIND, rec.init ? "init" : "regular");
    int attempt = rec.restartCount;
    Path logPath = ctx.logDir().resolve(c.getName()).resolve(attempt + ".log");
    pruneLogs(ctx.logDir().resolve(c.getName()), attempt);
    return new ContainerConfig(
        c.getName(),
        attempt,
        c.getImage(),
        c.getCommand() == null || c.getCommand().isEmpty()
            ? null
            : VarExpansion.expandAll(c.getCommand(), vars::get),
        VarExpansion.expandAll(c.getArgs(), vars::get),
        vars,
        c.getWorkingDir(),
        mounts,
        logPath,
        memoryLimit(c),
        ports(c),
        annotations);
  }

  /** The variable that tells a process where a volume is: {@code PILOTHOUSE_VOLUME_<NAME>}. */
  static String volumeVariable(String volumeName) {
    return "PILOTHOUSE_VOLUME_" + volumeName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  private static List<Mount> mounts(PodContext ctx, Container c, Map<String, String> vars)
      throws CreateContainerConfigException {
    List<Mount> mounts = new ArrayList<>();
    if (c.getVolumeMounts() == null) {
      return mounts;
    }
    for (VolumeMount vm : c.getVolumeMounts()) {
      Path dir = ctx.volumes().get(vm.getName());
      if (dir == null) {
        throw new CreateContainerConfigException(
            "cannot find volume \""
                + vm.getName()
                + "\" to mount into container \""
                + c.getName()
                + "\"");
      }
      String sub = vm.getSubPath();
      if ((sub == null || sub.isEmpty()) && vm.getSubPathExpr() != null) {
        sub = VarExpansion.expand(vm.getSubPathExpr(), vars::get);
      }
      Path host = sub == null || sub.isEmpty() ? dir : dir.resolve(sub);
      if (!host.normalize().startsWith(dir.normalize())) {
        throw new CreateContainerConfigException(
            "subPath \"" + sub + "\" escapes volume \"" + vm.getName() + "\"");
      }
      boolean readOnly =
          Boolean.TRUE.equals(vm.getReadOnly()) || readOnlyVolume(ctx.pod(), vm.getName());
      mounts.add(new Mount(vm.getName(), host, vm.getMountPath(), readOnly));
    }
    return mounts;
  }

  private static boolean readOnlyVolume(Pod pod, String name) {
    return pod.getSpec().getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .anyMatch(
            v ->
                v.getConfigMap() != null
                    || v.getSecret() != null
                    || v.getDownwardAPI() != null
                    || v.getProjected() != null);
  }

  private static long memoryLimit(Container c) {
    if (c.getResources() == null || c.getResources().getLimits() == null) {
      return 0;
    }
    Quantity q = c.getResources().getLimits().get("memory");
    return q == null ? 0 : q.getNumericalAmount().longValue();
  }

  private static List<Integer> ports(Container c) {
    List<Integer> ports = new ArrayList<>();
    if (c.getPorts() != null) {
      for (ContainerPort p : c.getPorts()) {
        if (p.getContainerPort() != null) {
          ports.add(p.getContainerPort());
        }
      }
    }
    return ports;
  }

  /** Keeps the current and the previous instance's log; older ones go. */
  private static void pruneLogs(Path dir, int attempt) {
    for (int old = attempt - 2; old >= 0 && old >= attempt - 12; old--) {
      try {
        Files.deleteIfExists(dir.resolve(old + ".log"));
      } catch (IOException ignored) {
        // a log that cannot be deleted is only wasted space
      }
    }
  }
}
