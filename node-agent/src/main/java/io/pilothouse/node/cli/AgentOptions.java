package io.pilothouse.node.cli;

import io.fabric8.kubernetes.api.model.Taint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
    boolean verbose,
    Map<String, String> nodeLabels,
    List<Taint> registerTaints) {

  public boolean simulated() {
    return "simulated".equals(runtime);
  }
}
