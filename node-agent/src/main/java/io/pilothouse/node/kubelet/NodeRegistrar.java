package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Registers this node with the API server: creates its Node, or, when a Node of that name exists
 * (the agent restarted), adds our labels and podCIDR to it. The status is written right after by
 * the {@link NodeStatusReporter}.
 */
public final class NodeRegistrar {

  private static final Logger LOG = Logger.getLogger(NodeRegistrar.class.getName());

  private final KubernetesClient client;
  private final NodeConfig config;

  public NodeRegistrar(KubernetesClient client, NodeConfig config) {
    this.client = client;
    this.config = config;
  }

  /** Returns the registered Node (with its uid); throws when the API server cannot be reached. */
  public Node register() {
    Node wanted = NodeFactory.build(config);
    try {
      Node created = client.nodes().resource(wanted).create();
      LOG.fine("registered node " + config.nodeName());
      return created;
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
    for (int attempt = 0; ; attempt++) {
      Node existing = client.nodes().withName(config.nodeName()).get();
      if (existing == null) {
        return client.nodes().resource(wanted).create();
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (existing.getMetadata().getLabels() != null) {
        labels.putAll(existing.getMetadata().getLabels());
      }
      labels.putAll(wanted.getMetadata().getLabels());
      NodeBuilder b = new NodeBuilder(existing).editMetadata().withLabels(labels).endMetadata();
      if (existing.getSpec() == null || existing.getSpec().getPodCIDR() == null) {
        b.editOrNewSpec().withPodCIDR(config.podCidr()).withPodCIDRs(config.podCidr()).endSpec();
      } else if (!config.podCidr().equals(existing.getSpec().getPodCIDR())) {
        LOG.warning(
            "node "
                + config.nodeName()
                + " already has podCIDR "
                + existing.getSpec().getPodCIDR()
                + "; this agent allocates pod IPs from "
                + config.podCidr());
      }
      try {
        return client.nodes().resource(b.build()).update();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= 4) {
          throw e;
        }
      }
    }
  }
}
