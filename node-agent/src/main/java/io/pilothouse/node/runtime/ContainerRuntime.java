package io.pilothouse.node.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The container runtime the kubelet drives, shaped like the Kubernetes CRI: pod sandboxes, an image
 * service, containers and their status. The kubelet owns every decision (what to start, when to
 * restart, when to kill); a runtime only does what it is told and reports what happened, calling
 * its {@link RuntimeEventListener} when a container of a pod changes state on its own.
 */
public interface ContainerRuntime {

  /** The runtime's name as it appears in containerIDs and nodeInfo ({@code process}, …). */
  String name();

  /** The version reported in {@code nodeInfo.containerRuntimeVersion} after {@code name://}. */
  String version();

  /** Registers the listener told about containers that change state on their own. */
  void setEventListener(RuntimeEventListener listener);

  /** Creates (or returns the existing) sandbox of a pod: its IP and its directories. */
  PodSandboxStatus runPodSandbox(PodSandboxConfig config);

  /** Stops every container of the sandbox (immediately) and releases its IP. */
  void stopPodSandbox(String sandboxId);

  /** Removes a stopped sandbox and every container in it. */
  void removePodSandbox(String sandboxId);

  /** The sandboxes this runtime knows, including those recovered after an agent restart. */
  List<PodSandboxStatus> listPodSandboxes();

  /**
   * Makes an image available and returns its reference (the {@code imageID}).
   *
   * @throws ImagePullException when the image is unknown
   */
  String pullImage(String image);

  /** Creates a container in a sandbox and returns its id; nothing runs yet. */
  String createContainer(String sandboxId, ContainerConfig config);

  /**
   * Starts a created container. A container that cannot start (missing executable, …) is reported
   * as exited with reason {@code StartError} rather than thrown.
   */
  void startContainer(String containerId);

  /**
   * Stops a container: SIGTERM to its process group, then SIGKILL of the whole group after {@code
   * timeout}. Returns once it has exited.
   */
  void stopContainer(String containerId, Duration timeout);

  /** Removes an exited container; its log file stays until the sandbox is removed. */
  void removeContainer(String containerId);

  /** Every container of a sandbox, newest attempt last. */
  List<ContainerStatus> listContainers(String sandboxId);

  /** The status of one container, if it exists. */
  Optional<ContainerStatus> containerStatus(String containerId);

  /** Runs a command in a running container's environment (exec probes, preStop hooks). */
  ExecResult execSync(String containerId, List<String> command, Duration timeout);

  /** The log file of a container ({@code <logDirectory>/<name>/<attempt>.log}). */
  Path logPath(String containerId);

  /** Stops everything this runtime started; used when the agent shuts down. */
  void shutdown(Duration grace);
}
