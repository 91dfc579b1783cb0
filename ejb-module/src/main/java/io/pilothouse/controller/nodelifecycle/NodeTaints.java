package io.pilothouse.controller.nodelifecycle;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The taints the node lifecycle controller owns, upstream's {@code node.kubernetes.io/*}: {@code
 * unreachable} and {@code not-ready} with effect NoExecute (with {@code timeAdded}, from which pod
 * eviction counts tolerationSeconds) and {@code unschedulable} NoSchedule for cordoned nodes.
 */
final class NodeTaints {

  static final String UNREACHABLE = "node.kubernetes.io/unreachable";
  static final String NOT_READY = "node.kubernetes.io/not-ready";
  static final String UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
  static final String NO_EXECUTE = "NoExecute";
  static final String NO_SCHEDULE = "NoSchedule";

  private NodeTaints() {}

  static List<Taint> of(Node node) {
    return node.getSpec() == null || node.getSpec().getTaints() == null
        ? List.of()
        : node.getSpec().getTaints();
  }

  static boolean has(Node node, String key, String effect) {
    return of(node).stream().anyMatch(t -> key.equals(t.getKey()) && effect.equals(t.getEffect()));
  }

  static Taint taint(String key, String effect, Instant added) {
    return new TaintBuilder()
        .withKey(key)
        .withEffect(effect)
        .withTimeAdded(added == null ? null : added.truncatedTo(ChronoUnit.SECONDS).toString())
        .build();
  }

  /**
   * The node's taints with the controller's own set to {@code wanted}: controller taints not wanted
   * are dropped, wanted ones absent are added; others (the user's) are kept as they are.
   */
  static List<Taint> reconcile(Node node, Set<String> wantedKeys, Instant now) {
    List<Taint> result = new ArrayList<>();
    Set<String> owned = Set.of(UNREACHABLE, NOT_READY, UNSCHEDULABLE);
    for (Taint taint : of(node)) {
      if (!owned.contains(taint.getKey()) || wantedKeys.contains(taint.getKey())) {
        result.add(taint);
      }
    }
    for (String key : wantedKeys) {
      if (result.stream().noneMatch(t -> Objects.equals(key, t.getKey()))) {
        result.add(
            key.equals(UNSCHEDULABLE)
                ? taint(key, NO_SCHEDULE, null)
                : taint(key, NO_EXECUTE, now));
      }
    }
    return result;
  }
}
