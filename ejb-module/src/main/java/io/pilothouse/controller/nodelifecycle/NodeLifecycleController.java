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
 * notice silence. For the same reason a Lease renewal triggers no sync: the node's next look, due
 * when the grace counted from the last renewal it saw would run out, reads the Lease and moves
 * itself on (at 5,000 nodes, syncing on every renewal cost a fifth of the server's CPU).
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
    return Set.of("nodes");
  }

  @Override
  public Collection<ControllerKey> keysFor(StoreChange change, ObjectClient client) {
    return List.of(new ControllerKey(null, change.name()));
  }

  @Override
  public Collection<ControllerKey> allKeys(ObjectClient client) {
    return client.names(Node.class, null).stream()
        .map(name -> new ControllerKey(null, name))
        .toList();
  }

  @Override
  public SyncResult sync(ControllerKey key, ControllerContext context) {
    Instant now = context.clock().instant();
    Optional<SyncResult> healthy = whileHealthy(key.name(), context.listers(), now);
    if (healthy.isPresent()) {
      return healthy.get();
    }
    ObjectClient client = context.client();
    Node node = client.get(Node.class, null, key.name()).orElse(null);
    if (node == null) {
      return SyncResult.DONE;
    }
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

  /**
   * The common case, decided from the listers alone (no store read, as upstream's monitor reads its
   * informers): a Ready node heard of within the grace, whose taints are already right and none of
   * them NoExecute, needs nothing but its next look. Anything else is decided from the store.
   */
  private Optional<SyncResult> whileHealthy(String name, ObjectClient listers, Instant now) {
    Node node = listers.get(Node.class, null, name).orElse(null);
    if (node == null
        || !NodeHealth.ready(node).map(c -> "True".equals(c.getStatus())).orElse(false)) {
      return Optional.empty();
    }
    Instant silentUntil =
        NodeHealth.lastHeard(node, listers.get(Lease.class, LEASE_NAMESPACE, name)).plus(grace);
    List<Taint> taints = NodeTaints.of(node);
    boolean settled =
        now.isBefore(silentUntil)
            && taints.equals(NodeTaints.reconcile(node, wantedTaints(node), now))
            && taints.stream().noneMatch(t -> NodeTaints.NO_EXECUTE.equals(t.getEffect()));
    return settled
        ? Optional.of(SyncResult.after(Duration.between(now, silentUntil).plus(SLACK)))
        : Optional.empty();
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
    List<Taint> taints = NodeTaints.reconcile(node, wantedTaints(node), now);
    if (taints.equals(NodeTaints.of(node))) {
      return node;
    }
    if (node.getSpec() == null) {
      node.setSpec(new NodeSpec());
    }
    node.getSpec().setTaints(taints);
    return client.update(node);
  }

  /** The keys of the taints this controller owns that the node should carry now. */
  private static Set<String> wantedTaints(Node node) {
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
    return wanted;
  }
}
