package io.pilothouse.node.kubelet;

/**
 * One node this agent runs: its name and IP, the kubelet port published in daemonEndpoints, its
 * podCIDR and resources (Kubernetes quantities), and the runtime it reports in nodeInfo.
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
    boolean simulated) {

  public static final String KUBELET_VERSION = "v1.32.0-pilothouse";
}
