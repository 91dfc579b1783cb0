package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.Taint;
import java.util.List;
import java.util.Map;

/**
 * One node this agent runs: its name and IP, the kubelet port published in daemonEndpoints, its
 * podCIDR and resources (Kubernetes quantities), the runtime it reports in nodeInfo, and the extra
 * labels and taints it registers with (kubelet's {@code --node-labels} and {@code
 * --register-with-taints}).
 */
public record NodeConfig(
    String nodeName,
    String nodeIp,
    int kubeletPort,
    String podCidr,
    String cpu,
    String memory,
    String ephemeralStorage,
    int maxPods,
    String runtimeName,
    String runtimeVersion,
    boolean simulated,
    Map<String, String> extraLabels,
    List<Taint> registerTaints) {

  public static final String KUBELET_VERSION = "v1.32.0-pilothouse";

  /** This config with the runtime's name and version as the runtime itself reports them. */
  public NodeConfig withRuntime(String name, String version) {
    return new NodeConfig(
        nodeName,
        nodeIp,
        kubeletPort,
        podCidr,
        cpu,
        memory,
        ephemeralStorage,
        maxPods,
        name,
        version,
        simulated,
        extraLabels,
        registerTaints);
  }
}
