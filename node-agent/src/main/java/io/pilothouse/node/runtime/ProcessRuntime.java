package io.pilothouse.node.runtime;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The process runtime: every container is a real host process in its own process group (and, as
 * root, its own PID and mount namespaces), every pod a loopback IP from this node's podCIDR. Images
 * come from the {@link ImageCatalog}. On start it kills whatever an earlier run of the agent left
 * behind under the same root directory and recovers its sandboxes so pods keep their IPs; the pod
 * workers then start their containers again.
 */
public final class ProcessRuntime implements ContainerRuntime {

  static final String ENV_RUNTIME_DIR = "PILOTHOUSE_RUNTIME_DIR";
  static final String ENV_CONTAINER_ID = "PILOTHOUSE_CONTAINER_ID";
  static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  private static final Logger LOG = Logger.getLogger(ProcessRuntime.class.getName());

  private final Path runtimeDir;
  private final ImageCatalog catalog;
  private final PodIpAllocator ips;
  private final ProcessLauncher launcher;
  private final MemoryCgroups cgroups;
  private final Clock clock;
  private final ProcessSandboxes sandboxes;
  private final Map<String, ProcessContainer> containers = new ConcurrentHashMap<>();
  private volatile RuntimeEventListener listener = uid -> {};

  public ProcessRuntime(
      Path rootDir,
      ImageCatalog catalog,
      PodIpAllocator ips,
      Isolation isolation,
      MemoryCgroups cgroups,
      Clock clock) {
    this.runtimeDir = rootDir.toAbsolutePath().normalize().resolve("runtime");
    this.catalog = catalog;
    this.ips = ips;
    this.launcher = new ProcessLauncher(isolation);
    this.cgroups = cgroups;
    this.clock = clock;
    this.sandboxes = new ProcessSandboxes(runtimeDir.resolve("sandboxes"), ips);
    killLeftovers();
    sandboxes.recover();
  }

  private void killLeftovers() {
    List<Long> leftovers = ProcessGroups.processesWithEnv(ENV_RUNTIME_DIR, runtimeDir.toString());
    if (!leftovers.isEmpty()) {
      LOG.info("killing " + leftovers.size() + " container processes left by an earlier agent run");
      ProcessGroups.signal(leftovers, "KILL");
    }
    cgroups.removeStale();
  }

  public Isolation isolation() {
    return launcher.isolation();
  }

  @Override
  public String name() {
    return "process";
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
  public PodSandboxStatus runPodSandbox(PodSandboxConfig config) {
    return sandboxes.run(config);
  }

  @Override
  public void stopPodSandbox(String sandboxId) {
    for (ProcessContainer container : containersOf(sandboxId)) {
      if (container.state == ContainerState.RUNNING) {
        stopContainer(container.id, Duration.ZERO);
      }
    }
    sandboxes.stop(sandboxId);
  }

  @Override
  public void removePodSandbox(String sandboxId) {
    stopPodSandbox(sandboxId);
    for (ProcessContainer container : containersOf(sandboxId)) {
      removeContainer(container.id);
    }
    sandboxes.remove(sandboxId);
  }

  @Override
  public List<PodSandboxStatus> listPodSandboxes() {
    return sandboxes.list();
  }

  @Override
  public String pullImage(String image) {
    return imageRef(image, lookup(image));
  }

  private ImageCatalog.Entry lookup(String image) {
    return catalog
        .lookup(image)
        .orElseThrow(
            () ->
                new ImagePullException(
                    "image \""
                        + image
                        + "\" is not in the image catalog ("
                        + catalog.source()
                        + "): add it there or use an image it lists"));
  }

  private static String imageRef(String image, ImageCatalog.Entry entry) {
    return "catalog://" + entry.key() + "@" + image;
  }

  @Override
  public String createContainer(String sandboxId, ContainerConfig config) {
    PodSandboxStatus sandbox = sandboxes.get(sandboxId);
    ImageCatalog.Entry entry = lookup(config.image());
    String id = sandboxId + "_" + config.name() + "_" + config.attempt();
    ProcessContainer container =
        new ProcessContainer(
            id, sandboxId, config, entry, imageRef(config.image(), entry), clock.instant());
    container.argv = ProcessCommands.argv(config, entry);
    container.env = ProcessCommands.env(config, entry, sandbox, runtimeDir, id);
    container.workingDir =
        ProcessCommands.workingDir(config, entry, runtimeDir.resolve("work").resolve(sandboxId));
    containers.put(id, container);
    return id;
  }

  @Override
  public void startContainer(String containerId) {
    ProcessContainer c = require(containerId);
    String problem = ProcessCommands.checkExecutable(c.argv, c.env);
    if (problem != null) {
      finishWithStartError(c, problem);
      return;
    }
    try {
      Files.createDirectories(c.config.logPath().getParent());
      Files.createDirectories(c.workingDir);
      prepareMountPoints(c);
      c.cgroup = cgroups.create(containerId, c.config.memoryLimitBytes()).orElse(null);
      OutputStream log = new FileOutputStream(c.config.logPath().toFile(), true);
      Process process = launcher.launch(c.argv, c.env, c.workingDir, c.config.mounts(), c.cgroup);
      c.process = process;
      c.pid = process.pid();
      c.startedAt = clock.instant();
      c.state = ContainerState.RUNNING;
      c.pump = new ContainerLogPump(process, log, clock, c.config.name());
      process.onExit().thenRun(() -> onExit(c));
    } catch (IOException e) {
      finishWithStartError(c, "failed to start container process: " + e.getMessage());
    }
  }

  private void prepareMountPoints(ProcessContainer c) throws IOException {
    if (!launcher.isolation().namespaces()) {
      return;
    }
    for (Mount mount : c.config.mounts()) {
      Path target = Path.of(mount.containerPath());
      Path top = target;
      while (top.getParent() != null && !Files.exists(top.getParent())) {
        top = top.getParent();
      }
      if (Files.exists(target)) {
        continue;
      }
      if (Files.isDirectory(mount.hostPath())) {
        Files.createDirectories(target);
      } else {
        Files.createDirectories(target.getParent());
        Files.createFile(target);
      }
      c.createdMountPoints.add(top);
    }
  }

  private void finishWithStartError(ProcessContainer c, String message) {
    c.startedAt = null;
    c.finishedAt = clock.instant();
    c.exitCode = 128;
    c.reason = "StartError";
    c.message = message;
    c.state = ContainerState.EXITED;
  }

  private void onExit(ProcessContainer c) {
    Process process = c.process;
    ProcessGroups.signalGroup(c.pid, "KILL");
    ProcessGroups.signal(ProcessGroups.processesWithEnv(ENV_CONTAINER_ID, c.id), "KILL");
    c.pump.awaitEnd(2000);
    int code = process.exitValue();
    boolean oom = c.cgroup != null && cgroups.oomKilled(c.cgroup);
    c.exitCode = code;
    c.reason = oom ? "OOMKilled" : code == 0 ? "Completed" : "Error";
    c.finishedAt = clock.instant();
    c.state = ContainerState.EXITED;
    if (c.cgroup != null) {
      cgroups.remove(c.cgroup);
    }
    listener.podChanged(sandboxes.uidOf(c.sandboxId));
  }

  @Override
  public void stopContainer(String containerId, Duration timeout) {
    ProcessContainer c = containers.get(containerId);
    if (c == null || c.state != ContainerState.RUNNING || c.process == null) {
      return;
    }
    c.stopRequested = true;
    try {
      if (!timeout.isZero() && !timeout.isNegative()) {
        signal(c, "TERM");
        c.process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (java.util.concurrent.TimeoutException e) {
      LOG.fine("container " + containerId + " did not stop within " + timeout + ": SIGKILL");
    } catch (java.util.concurrent.ExecutionException e) {
      LOG.fine("waiting for " + containerId + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    signal(c, "KILL");
    awaitExited(c);
  }

  /** Signals the container's group; its leader directly if it has not called setsid yet. */
  private static void signal(ProcessContainer c, String signal) {
    if (!ProcessGroups.signalGroup(c.pid, signal)) {
      ProcessGroups.signal(List.of(c.pid), signal);
    }
  }

  private void awaitExited(ProcessContainer c) {
    try {
      c.process.onExit().get(10, TimeUnit.SECONDS);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (c.state != ContainerState.EXITED && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    } catch (Exception e) {
      LOG.warning("container " + c.id + " (pid " + c.pid + ") did not exit after SIGKILL");
    }
  }

  @Override
  public void removeContainer(String containerId) {
    ProcessContainer c = containers.get(containerId);
    if (c == null) {
      return;
    }
    if (c.state == ContainerState.RUNNING) {
      stopContainer(containerId, Duration.ZERO);
    }
    containers.remove(containerId);
    for (Path created : c.createdMountPoints) {
      deleteEmptyTree(created);
    }
  }

  private static void deleteEmptyTree(Path top) {
    try (var walk = Files.walk(top)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (Files.isDirectory(p) || Files.size(p) == 0) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      LOG.fine("mount point " + top + " kept: " + e.getMessage());
    }
  }

  @Override
  public List<ContainerStatus> listContainers(String sandboxId) {
    return containersOf(sandboxId).stream().map(ProcessContainer::status).toList();
  }

  private List<ProcessContainer> containersOf(String sandboxId) {
    List<ProcessContainer> out = new ArrayList<>();
    for (ProcessContainer c : containers.values()) {
      if (c.sandboxId.equals(sandboxId)) {
        out.add(c);
      }
    }
    out.sort(Comparator.comparing((ProcessContainer c) -> c.createdAt).thenComparing(c -> c.id));
    return out;
  }

  @Override
  public Optional<ContainerStatus> containerStatus(String containerId) {
    return Optional.ofNullable(containers.get(containerId)).map(ProcessContainer::status);
  }

  @Override
  public ExecResult execSync(String containerId, List<String> command, Duration timeout) {
    ProcessContainer c = require(containerId);
    Map<String, String> env = new LinkedHashMap<>(c.env);
    return ProcessCommands.exec(launcher, command, env, c.workingDir, c.pid, timeout);
  }

  @Override
  public Path logPath(String containerId) {
    return require(containerId).config.logPath();
  }

  @Override
  public void shutdown(Duration grace) {
    List<Thread> stoppers = new ArrayList<>();
    for (ProcessContainer c : containers.values()) {
      if (c.state == ContainerState.RUNNING) {
        Thread t = new Thread(() -> stopContainer(c.id, grace), "stop-" + c.id);
        t.start();
        stoppers.add(t);
      }
    }
    for (Thread t : stoppers) {
      try {
        t.join(grace.toMillis() + 15_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    launcher.shutdown();
    cgroups.close();
  }

  private ProcessContainer require(String containerId) {
    ProcessContainer c = containers.get(containerId);
    if (c == null) {
      throw new ContainerRuntimeException("no container " + containerId);
    }
    return c;
  }
}
