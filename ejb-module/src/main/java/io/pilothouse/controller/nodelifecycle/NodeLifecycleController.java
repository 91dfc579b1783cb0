package io.pilothouse.controller.nodelifecycle;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.controller.Controller;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.ObjectClient;
import io.pilothouse.controller.SyncResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Upstream's node lifecycle controller: a node whose kubelet has not been heard of (Lease renewal
 * or Ready heartbeat) for the grace period (40 s, {@code pilothouse.nodelifecycle.grace.seconds})
 * gets {@code Ready=Unknown}, a {@code NodeNotReady} event and the {@code
 * node.kubernetes.io/unreachable:NoExecute} taint; {@code Ready=False} gets {@code
 * not-ready:NoExecute}; a cordoned node gets {@code unschedulable:NoSchedule}. Pods on a node with
 * NoExecute taints are evicted by {@link TaintEviction} once their tolerationSeconds run out. Each
 * node is looked at again when its grace or a toleration would run out, so no change is needed to
 * notice silence.
 */
@ApplicationScoped
public class NodeLifecycleController implements Controller {

  public static final String NAME = "node-lifecycle-controller";
  static final String COMPONENT = "node-controller";
  static final String LEASE_NAMESPACE = "kube-node-lease";
  private static final Duration SLACK = Duration.ofSeconds(1);

  private Duration grace = Duration.ofSeconds(40);

  /** For CDI; the grace period comes from configuration. */
  public NodeLifecycleController() {}

  /** For tests: a fixed grace period. */
  public NodeLifecycleController(Duration grace) {
    this.grace = grace;
  }

  @Inject
  void configure(
      @ConfigProperty(name = "pilothouse.nodelifecycle.grace.seconds", defaultValue = "40")
          long graceSeconds) {
    this.grace = Duration.ofSeconds(graceSeconds);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> watchedResources() {
    return Set.of("nodes", "leases");
  }

  @Override
  public Collection<ControllerKey> keysFor(StoreChange change, ObjectClient client) {
    if (change.resource().equals("leases") && !LEASE_NAMESPACE.equals(change.namespace())) {
      return List.of();
    }
    return List.of(new ControllerKey(null, change.name()));
  }

  @Override
  public Collection<ControllerKey> allKeys(ObjectClient client) {
    return client.list(Node.class, null, null, null).stream()
        .map(node -> new ControllerKey(null, node.getMetadata().getName()))
        .toList();
  }

  @Override
  public SyncResult sync(ControllerKey key, ControllerContext context) {
    ObjectClient client = context.client();
    Node node = client.get(Node.class, null, key.name()).orElse(null);
    if (node == null) {
      return SyncResult.DONE;
    }
    Instant now = context.clock().instant();
    Optional<Lease> lease = client.get(Lease.class, LEASE_NAMESPACE, key.name());
    Instant silentUntil = NodeHealth.lastHeard(node, lease).plus(grace);
    if (!now.isBefore(silentUntil) && !isUnknown(node)) {
      node = client.updateStatus(markUnknown(node, now));
      context
          .events()
          .normal(
              node,
              COMPONENT,
              "NodeNotReady",
              "Node " + key.name() + " status is now: NodeNotReady");
    }
    node = reconcileTaints(client, node, now);
    Duration next =
        now.isBefore(silentUntil) ? Duration.between(now, silentUntil).plus(SLACK) : null;
    Optional<Duration> eviction = new TaintEviction(context).evictPods(node, now);
    if (eviction.isPresent() && (next == null || eviction.get().compareTo(next) < 0)) {
      next = eviction.get();
    }
    return next == null ? SyncResult.DONE : SyncResult.after(next);
  }

  private static boolean isUnknown(Node node) {
    return NodeHealth.ready(node).map(c -> "Unknown".equals(c.getStatus())).orElse(false);
  }

  private static Node markUnknown(Node node, Instant now) {
    NodeStatus status = node.getStatus() == null ? new NodeStatus() : node.getStatus();
    List<NodeCondition> conditions = new ArrayList<>();
    if (status.getConditions() != null) {
      status.getConditions().stream()
          .filter(c -> !NodeHealth.READY.equals(c.getType()))
          .forEach(conditions::add);
    }
    String heartbeat = NodeHealth.ready(node).map(NodeCondition::getLastHeartbeatTime).orElse(null);
    conditions.add(
        new NodeConditionBuilder()
            .withType(NodeHealth.READY)
            .withStatus("Unknown")
            .withReason("NodeStatusUnknown")
            .withMessage("Kubelet stopped posting node status.")
            .withLastHeartbeatTime(heartbeat)
            .withLastTransitionTime(now.truncatedTo(ChronoUnit.SECONDS).toString())
            .build());
    status.setConditions(conditions);
    node.setStatus(status);
    return node;
  }

  private static Node reconcileTaints(ObjectClient client, Node node, Instant now) {
    Set<String> wanted = new HashSet<>();
    String ready = NodeHealth.ready(node).map(NodeCondition::getStatus).orElse("");
    if (ready.equals("Unknown")) {
      wanted.add(NodeTaints.UNREACHABLE);
    } else if (ready.equals("False")) {
      wanted.add(NodeTaints.NOT_READY);
    }
    if (Boolean.TRUE.equals(node.getSpec() == null ? null : node.getSpec().getUnschedulable())) {
      wanted.add(NodeTaints.UNSCHEDULABLE);
    }
    List<Taint> taints = NodeTaints.reconcile(node, wanted, now);
    if (taints.equals(NodeTaints.of(node))) {
      return node;
    }
    if (node.getSpec() == null) {
      node.setSpec(new NodeSpec());
    }
    node.getSpec().setTaints(taints);
    return client.update(node);
  }
}
