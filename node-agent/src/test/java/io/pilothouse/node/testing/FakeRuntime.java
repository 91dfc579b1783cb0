package io.pilothouse.node.testing;

import io.pilothouse.node.runtime.ContainerConfig;
import io.pilothouse.node.runtime.ContainerRuntime;
import io.pilothouse.node.runtime.ContainerRuntimeException;
import io.pilothouse.node.runtime.ContainerState;
import io.pilothouse.node.runtime.ContainerStatus;
import io.pilothouse.node.runtime.ExecResult;
import io.pilothouse.node.runtime.ImagePullException;
import io.pilothouse.node.runtime.PodIpAllocator;
import io.pilothouse.node.runtime.PodSandboxConfig;
import io.pilothouse.node.runtime.PodSandboxStatus;
import io.pilothouse.node.runtime.RuntimeEventListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A runtime whose containers run until a test says they exit; records every call. */
public final class FakeRuntime implements ContainerRuntime {

  public final List<String> calls = new ArrayList<>();
  public final Map<String, ContainerConfig> configs = new LinkedHashMap<>();
  public final Set<String> unknownImages = ConcurrentHashMap.newKeySet();
  public final Map<String, Integer> exitOnStop = new ConcurrentHashMap<>();
  private final Map<String, ContainerStatus> statuses = new LinkedHashMap<>();
  private final Map<String, PodSandboxStatus> sandboxes = new LinkedHashMap<>();
  private final PodIpAllocator ips = new PodIpAllocator("127.240.0.0/24");
  private final Clock clock;

  public FakeRuntime(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public void setEventListener(RuntimeEventListener listener) {}

  @Override
  public synchronized PodSandboxStatus runPodSandbox(PodSandboxConfig config) {
    calls.add("runPodSandbox " + config.name());
    PodSandboxStatus s =
        new PodSandboxStatus(
            config.uid(),
            config.uid(),
            config.namespace(),
            config.name(),
            ips.allocate(config.requestedIp()),
            true);
    sandboxes.put(s.id(), s);
    return s;
  }

  @Override
  public synchronized void stopPodSandbox(String sandboxId) {
    calls.add("stopPodSandbox");
    statuses.replaceAll((id, s) -> s.running() ? with(s, ContainerState.EXITED, 137, "Error") : s);
  }

  @Override
  public synchronized void removePodSandbox(String sandboxId) {
    calls.add("removePodSandbox");
    sandboxes.remove(sandboxId);
  }

  @Override
  public synchronized List<PodSandboxStatus> listPodSandboxes() {
    return new ArrayList<>(sandboxes.values());
  }

  @Override
  public String pullImage(String image) {
    if (unknownImages.contains(image)) {
      throw new ImagePullException("image \"" + image + "\" is not in the image catalog");
    }
    return "fake://" + image;
  }

  @Override
  public synchronized String createContainer(String sandboxId, ContainerConfig config) {
    String id = config.name() + "-" + config.attempt();
    configs.put(id, config);
    statuses.put(
        id,
        new ContainerStatus(
            id,
            sandboxId,
            config.name(),
            config.attempt(),
            ContainerState.CREATED,
            clock.instant(),
            null,
            null,
            0,
            null,
            null,
            config.image(),
            "fake://" + config.image(),
            "fake://" + id,
            config.logPath()));
    calls.add("create " + id);
    return id;
  }

  @Override
  public synchronized void startContainer(String containerId) {
    calls.add("start " + containerId);
    ContainerStatus s = require(containerId);
    statuses.put(
        containerId,
        new ContainerStatus(
            s.id(),
            s.sandboxId(),
            s.name(),
            s.attempt(),
            ContainerState.RUNNING,
            s.createdAt(),
            clock.instant(),
            null,
            0,
            null,
            null,
            s.image(),
            s.imageRef(),
            s.externalId(),
            s.logPath()));
  }

  /** The container's current instance exits with this code. */
  public synchronized void exit(String name, int code) {
    String id = latest(name);
    ContainerStatus s = require(id);
    statuses.put(id, with(s, ContainerState.EXITED, code, code == 0 ? "Completed" : "Error"));
  }

  public synchronized String latest(String name) {
    String found = null;
    for (ContainerStatus s : statuses.values()) {
      if (s.name().equals(name)) {
        found = s.id();
      }
    }
    return found;
  }

  public synchronized long starts(String name) {
    return calls.stream().filter(c -> c.startsWith("start " + name + "-")).count();
  }

  private ContainerStatus with(ContainerStatus s, ContainerState state, int code, String reason) {
    return new ContainerStatus(
        s.id(),
        s.sandboxId(),
        s.name(),
        s.attempt(),
        state,
        s.createdAt(),
        s.startedAt(),
        clock.instant(),
        code,
        reason,
        null,
        s.image(),
        s.imageRef(),
        s.externalId(),
        s.logPath());
  }

  @Override
  public synchronized void stopContainer(String containerId, Duration timeout) {
    calls.add("stop " + containerId + " " + timeout.toSeconds() + "s");
    ContainerStatus s = require(containerId);
    if (s.running()) {
      statuses.put(
          containerId,
          with(s, ContainerState.EXITED, exitOnStop.getOrDefault(s.name(), 143), "Error"));
    }
  }

  @Override
  public synchronized void removeContainer(String containerId) {
    calls.add("remove " + containerId);
    statuses.remove(containerId);
  }

  @Override
  public synchronized List<ContainerStatus> listContainers(String sandboxId) {
    return new ArrayList<>(statuses.values());
  }

  @Override
  public synchronized Optional<ContainerStatus> containerStatus(String containerId) {
    return Optional.ofNullable(statuses.get(containerId));
  }

  @Override
  public ExecResult execSync(String containerId, List<String> command, Duration timeout) {
    return new ExecResult(0, "", false);
  }

  @Override
  public Path logPath(String containerId) {
    return require(containerId).logPath();
  }

  @Override
  public void shutdown(Duration grace) {}

  private ContainerStatus require(String id) {
    ContainerStatus s = statuses.get(id);
    if (s == null) {
      throw new ContainerRuntimeException("no container " + id);
    }
    return s;
  }
}
