package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.NodeSystemInfoBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds this node's Node object as a kubelet registers it: labels, podCIDR, capacity and
 * allocatable, nodeInfo, addresses and the kubelet endpoint the API server proxies logs to.
 */
public final class NodeFactory {

  private NodeFactory() {}

  public static Map<String, String> labels(NodeConfig c) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("kubernetes.io/hostname", c.nodeName());
    labels.put("kubernetes.io/os", HostInfo.operatingSystem());
    labels.put("kubernetes.io/arch", HostInfo.architecture());
    labels.put("beta.kubernetes.io/os", HostInfo.operatingSystem());
    labels.put("beta.kubernetes.io/arch", HostInfo.architecture());
    if (c.simulated()) {
      labels.put("pilothouse.io/simulated", "true");
    }
    labels.putAll(c.extraLabels());
    return labels;
  }

  public static Map<String, Quantity> capacity(NodeConfig c) {
    Map<String, Quantity> q = new LinkedHashMap<>();
    q.put("cpu", new Quantity(c.cpu()));
    q.put("memory", new Quantity(c.memory()));
    q.put("pods", new Quantity(Integer.toString(c.maxPods())));
    q.put("ephemeral-storage", new Quantity(c.ephemeralStorage()));
    return q;
  }

  public static NodeSystemInfo nodeInfo(NodeConfig c) {
    return new NodeSystemInfoBuilder()
        .withKubeletVersion(NodeConfig.KUBELET_VERSION)
        .withKubeProxyVersion(NodeConfig.KUBELET_VERSION)
        .withOsImage(HostInfo.osImage())
        .withKernelVersion(HostInfo.kernelVersion())
        .withContainerRuntimeVersion(c.runtimeName() + "://" + c.runtimeVersion())
        .withArchitecture(HostInfo.architecture())
        .withOperatingSystem(HostInfo.operatingSystem())
        .withMachineID(HostInfo.machineId())
        .withSystemUUID(c.nodeName())
        .withBootID("")
        .build();
  }

  public static Node build(NodeConfig c) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(c.nodeName())
        .withLabels(labels(c))
        .endMetadata()
        .withNewSpec()
        .withPodCIDR(c.podCidr())
        .withPodCIDRs(List.of(c.podCidr()))
        .withTaints(c.registerTaints().isEmpty() ? null : c.registerTaints())
        .endSpec()
        .withNewStatus()
        .withCapacity(capacity(c))
        .withAllocatable(capacity(c))
        .withNodeInfo(nodeInfo(c))
        .withAddresses(
            new NodeAddress(c.nodeIp(), "InternalIP"), new NodeAddress(c.nodeName(), "Hostname"))
        .withNewDaemonEndpoints()
        .withNewKubeletEndpoint()
        .withPort(c.kubeletPort())
        .endKubeletEndpoint()
        .endDaemonEndpoints()
        .endStatus()
        .build();
  }
}
