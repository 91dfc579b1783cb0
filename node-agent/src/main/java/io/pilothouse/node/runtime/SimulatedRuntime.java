package io.pilothouse.node.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A runtime without processes, for scale tests: a container becomes running {@code
 * pilothouse.io/simulate-start-seconds} after it is started, exits after {@code
 * pilothouse.io/simulate-run-seconds} (never, if unset; init containers at once) with {@code
 * pilothouse.io/simulate-exit-code} (default 0). Each key may carry a {@code .<container>} suffix
 * for one container. States are computed from the injected clock, so timings are testable without
 * sleeping; timers only wake the kubelet when a transition is due.
 */
public final class SimulatedRuntime implements ContainerRuntime {

  public static final String START_SECONDS = "pilothouse.io/simulate-start-seconds";
  public static final String RUN_SECONDS = "pilothouse.io/simulate-run-seconds";
  public static final String EXIT_CODE = "pilothouse.io/simulate-exit-code";

  /** Set by the kubelet on the container config: "init" for init containers. */
  public static final String CONTAINER_KIND = "pilothouse.io/container-kind";

  private final PodIpAllocator ips;
  private final Clock clock;
  private final ScheduledExecutorService timers;
  private final Duration defaultStartDelay;
  private final Map<String, PodSandboxStatus> sandboxes = new ConcurrentHashMap<>();
  private final Map<String, SimulatedContainer> containers = new ConcurrentHashMap<>();
  private volatile RuntimeEventListener listener = uid -> {};

  public SimulatedRuntime(
      PodIpAllocator ips,
      Clock clock,
      ScheduledExecutorService timers,
      Duration defaultStartDelay) {
    this.ips = ips;
    this.clock = clock;
    this.timers = timers;
    this.defaultStartDelay = defaultStartDelay;
  }

  @Override
  public String name() {
    return "simulated";
  }

  @Override
  public String version() {
    return "0.1.0";
  }

  @Override
  public void setEventListener(RuntimeEventListener listener) {
    this.listener = listener;
  }

  @Override
  public synchronized PodSandboxStatus runPodSandbox(PodSandboxConfig config) {
    PodSandboxStatus existing = sandboxes.get(config.uid());
    if (existing != null && existing.ready()) {
      return existing;
    }
    String ip = ips.allocate(config.requestedIp());
    PodSandboxStatus s =
        new PodSandboxStatus(
            config.uid(), config.uid(), config.namespace(), config.name(), ip, true);
    sandboxes.put(s.id(), s);
    return s;
  }

  @Override
  public synchronized void stopPodSandbox(String sandboxId) {
    containers.values().stream()
        .filter(c -> c.sandboxId.equals(sandboxId))
        .forEach(c -> c.stop(clock.instant(), 137));
    PodSandboxStatus s = sandboxes.get(sandboxId);
    if (s != null && s.ready()) {
      ips.release(s.ip());
      sandboxes.put(
          sandboxId, new PodSandboxStatus(s.id(), s.uid(), s.namespace(), s.name(), s.ip(), false));
    }
  }

  @Override
  public synchronized void removePodSandbox(String sandboxId) {
    stopPodSandbox(sandboxId);
    containers.values().removeIf(c -> c.sandboxId.equals(sandboxId));
    sandboxes.remove(sandboxId);
  }

  @Override
  public List<PodSandboxStatus> listPodSandboxes() {
    return new ArrayList<>(sandboxes.values());
  }

  @Override
  public String pullImage(String image) {
    if (image == null || image.isBlank()) {
      throw new ImagePullException("no image given");
    }
    return "simulated://" + image;
  }

  @Override
  public String createContainer(String sandboxId, ContainerConfig config) {
    if (!sandboxes.containsKey(sandboxId)) {
      throw new ContainerRuntimeException("no pod sandbox " + sandboxId);
    }
    String id = sandboxId + "_" + config.name() + "_" + config.attempt();
    boolean init = "init".equals(config.annotations().get(CONTAINER_KIND));
    Map<String, String> a = config.annotations();
    Duration startDelay = seconds(a, START_SECONDS, config.name()).orElse(defaultStartDelay);
    Duration runFor = seconds(a, RUN_SECONDS, config.name()).orElse(init ? Duration.ZERO : null);
    int exitCode = value(a, EXIT_CODE, config.name()).map(Integer::parseInt).orElse(0);
    containers.put(
        id,
        new SimulatedContainer(
            id, sandboxId, config, clock.instant(), startDelay, runFor, exitCode));
    return id;
  }

  @Override
  public void startContainer(String containerId) {
    SimulatedContainer c = require(containerId);
    Instant now = clock.instant();
    c.start(now);
    wakeAt(c, c.runningAt());
    if (c.naturalEnd() != null) {
      wakeAt(c, c.naturalEnd());
    }
  }

  private void wakeAt(SimulatedContainer c, Instant when) {
    long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
    String uid =
        sandboxes.containsKey(c.sandboxId) ? sandboxes.get(c.sandboxId).uid() : c.sandboxId;
    timers.schedule(() -> listener.podChanged(uid), delay + 5, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stopContainer(String containerId, Duration timeout) {
    SimulatedContainer c = containers.get(containerId);
    if (c != null) {
      c.stop(clock.instant(), timeout.isZero() ? 137 : 143);
    }
  }

  @Override
  public void removeContainer(String containerId) {
    containers.remove(containerId);
  }

  @Override
  public List<ContainerStatus> listContainers(String sandboxId) {
    Instant now = clock.instant();
    return containers.values().stream()
        .filter(c -> c.sandboxId.equals(sandboxId))
        .sorted(
            Comparator.comparing((SimulatedContainer c) -> c.createdAt)
                .thenComparing(c -> c.config.attempt()))
        .map(c -> c.status(now))
        .toList();
  }

  @Override
  public Optional<ContainerStatus> containerStatus(String containerId) {
    return Optional.ofNullable(containers.get(containerId)).map(c -> c.status(clock.instant()));
  }

  @Override
  public ExecResult execSync(String containerId, List<String> command, Duration timeout) {
    return new ExecResult(0, "", false);
  }

  @Override
  public Path logPath(String containerId) {
    return require(containerId).config.logPath();
  }

  @Override
  public void shutdown(Duration grace) {
    containers.values().forEach(c -> c.stop(clock.instant(), 143));
  }

  private SimulatedContainer require(String containerId) {
    SimulatedContainer c = containers.get(containerId);
    if (c == null) {
      throw new ContainerRuntimeException("no container " + containerId);
    }
    return c;
  }

  private static Optional<String> value(
      Map<String, String> annotations, String key, String container) {
    String specific = annotations.get(key + "." + container);
    return Optional.ofNullable(specific != null ? specific : annotations.get(key))
        .map(String::trim);
  }

  private static Optional<Duration> seconds(
      Map<String, String> annotations, String key, String container) {
    return value(annotations, key, container)
        .map(v -> Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000)));
  }
}
