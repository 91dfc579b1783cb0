package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Posts this node's status through {@code PUT /api/v1/nodes/{name}/status}: checked every 10 s,
 * written when a condition changed and at least every minute (the heartbeat the node lifecycle
 * controller also gets from the Lease). A 409 re-reads the Node and retries; a 404 (the Node was
 * deleted) registers it again.
 */
public final class NodeStatusReporter {

  private static final Logger LOG = Logger.getLogger(NodeStatusReporter.class.getName());
  static final Duration MAX_INTERVAL = Duration.ofMinutes(1);

  private final KubernetesClient client;
  private final NodeConfig config;
  private final NodeRegistrar registrar;
  private final Clock clock;
  private final Supplier<NodeConditions.Pressure> pressure;
  private Node node;
  private List<NodeCondition> posted;
  private Instant lastPost = Instant.MIN;
  private boolean failing;

  public NodeStatusReporter(
      KubernetesClient client,
      NodeConfig config,
      NodeRegistrar registrar,
      Clock clock,
      Supplier<NodeConditions.Pressure> pressure,
      Node registered) {
    this.client = client;
    this.config = config;
    this.registrar = registrar;
    this.clock = clock;
    this.pressure = pressure;
    this.node = registered;
  }

  /** The Node as last stored (its uid is the Lease's owner). */
  public synchronized Node node() {
    return node;
  }

  /** Posts the status when it changed or a minute passed; returns true when it posted. */
  public synchronized boolean tick() {
    Instant now = clock.instant();
    List<NodeCondition> conditions = NodeConditions.of(pressure.get(), posted, now);
    boolean due =
        Duration.between(lastPost, now).compareTo(MAX_INTERVAL) >= 0 || lastPost == Instant.MIN;
    if (!due && !NodeConditions.changed(conditions, posted)) {
      return false;
    }
    try {
      post(conditions);
      posted = conditions;
      lastPost = now;
      if (failing) {
        LOG.info("node " + config.nodeName() + ": status posted again");
      }
      failing = false;
      return true;
    } catch (KubernetesClientException e) {
      if (!failing) {
        LOG.warning(
            "node "
                + config.nodeName()
                + ": status not posted: "
                + ApiFailures.describe(e, client.getMasterUrl().toString()));
      }
      failing = true;
      return false;
    }
  }

  private void post(List<NodeCondition> conditions) {
    for (int attempt = 0; ; attempt++) {
      NodeStatus status = NodeFactory.build(config).getStatus();
      status.setConditions(conditions);
      Node copy = new NodeBuilder(node).withStatus(status).build();
      try {
        node = client.nodes().resource(copy).updateStatus();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          node = registrar.register();
        } else if (e.getCode() == 409 && attempt < 4) {
          Node fresh = client.nodes().withName(config.nodeName()).get();
          node = fresh != null ? fresh : registrar.register();
        } else {
          throw e;
        }
      }
    }
  }
}
