package io.pilothouse.controller.nodelifecycle;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What the node lifecycle controller reads of a node's health: its {@code Ready} condition, and
 * when the kubelet was last heard of — the latest of its Lease's {@code renewTime}, the Ready
 * condition's {@code lastHeartbeatTime} and the node's creation (a node that never reported gets
 * the grace period from its registration, as upstream).
 */
final class NodeHealth {

  static final String READY = "Ready";

  private NodeHealth() {}

  static Optional<NodeCondition> ready(Node node) {
    if (node.getStatus() == null || node.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return node.getStatus().getConditions().stream()
        .filter(c -> READY.equals(c.getType()))
        .findFirst();
  }

  static Instant lastHeard(Node node, Optional<Lease> lease) {
    Instant last = parse(node.getMetadata().getCreationTimestamp());
    Optional<Instant> heartbeat = ready(node).map(c -> parse(c.getLastHeartbeatTime()));
    if (heartbeat.isPresent() && heartbeat.get().isAfter(last)) {
      last = heartbeat.get();
    }
    Optional<Instant> renewed =
        lease
            .map(Lease::getSpec)
            .filter(s -> s.getRenewTime() != null)
            .map(s -> s.getRenewTime().toInstant());
    if (renewed.isPresent() && renewed.get().isAfter(last)) {
      last = renewed.get();
    }
    return last;
  }

  private static Instant parse(String time) {
    return time == null || time.isEmpty() ? Instant.EPOCH : OffsetDateTime.parse(time).toInstant();
  }
}
