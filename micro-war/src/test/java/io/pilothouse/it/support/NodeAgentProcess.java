package io.pilothouse.it.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real node agent for black-box tests: {@code java -jar node-agent.jar} (the jar the node-agent
 * module built, named by the system property {@code pilothouse.node-agent.jar}) in a process of its
 * own, with a kubeconfig for the control plane under test, its own node IP, pod CIDR and root
 * directory. {@link #close()} stops it with SIGTERM (the agent then stops its pods' processes) and
 * kills it if it lingers; {@link #kill()} is {@code kill -9}.
 */
public final class NodeAgentProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private NodeAgentProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts an agent for node {@code name} with node IP {@code nodeIp} and pod CIDR {@code podCidr}
   * (both in 127.0.0.0/8), plus any further flags (e.g. {@code --runtime simulated}).
   */
  public static NodeAgentProcess start(
      URI server, String name, String nodeIp, String podCidr, String... flags) throws IOException {
    Path build = Path.of(System.getProperty("pilothouse.build.dir", "target"));
    Path dir = build.resolve("node-agents").resolve(name).toAbsolutePath();
    Files.createDirectories(dir);
    Path kubeconfig = dir.resolve("kubeconfig");
    Kubectl.forServer(server, kubeconfig);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.addAll(List.of(java, "-Xmx256m", "-jar", jar().toString()));
    command.addAll(
        List.of(
            "--kubeconfig", kubeconfig.toString(),
            "--node-name", name,
            "--node-ip", nodeIp,
            "--pod-cidr", podCidr,
            "--root-dir", dir.resolve("root").toString()));
    command.addAll(List.of(flags));
    Path log = dir.resolve("agent.log");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new NodeAgentProcess(process, log);
  }

  private static Path jar() {
    String jar = System.getProperty("pilothouse.node-agent.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "node-agent.jar not found (" + jar + "): build the node-agent module first");
    }
    return Path.of(jar);
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  public Path log() {
    return log;
  }

  /** {@code kill -9}: the agent gets no chance to clean up (its containers die with it). */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
