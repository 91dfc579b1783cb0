package io.pilothouse.node.cli;

import java.nio.file.Path;

/** The node agent's settings, as parsed from the command line by {@link CommandLine}. */
public record AgentOptions(
    Path kubeconfig,
    String nodeName,
    String runtime,
    int simulateNodes,
    Path rootDir,
    int kubeletPort,
    String nodeIp,
    String podCidr,
    Path imageCatalog,
    String cpu,
    String memory,
    String ephemeralStorage,
    int maxPods,
    double simulateStartDelaySeconds,
    boolean proxy,
    boolean verbose) {

  public boolean simulated() {
    return "simulated".equals(runtime);
  }
}
