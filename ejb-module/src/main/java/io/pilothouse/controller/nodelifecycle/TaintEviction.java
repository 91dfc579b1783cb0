package io.pilothouse.controller.nodelifecycle;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.scheduler.plugins.helper.Tolerations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Upstream's taint-based eviction (the taint manager): pods bound to a node with NoExecute taints
 * are deleted at once if they do not tolerate one of them, or once the shortest {@code
 * tolerationSeconds} of their matching tolerations has passed since the taint was added; a
 * toleration without seconds tolerates forever. Records {@code TaintManagerEviction}.
 */
final class TaintEviction {

  static final String COMPONENT = "taint-eviction-controller";

  private final ControllerContext context;

  TaintEviction(ControllerContext context) {
    this.context = context;
  }

  /** Evicts what is due; returns how long until the next pod is due, if one will be. */
  Optional<Duration> evictPods(Node node, Instant now) {
    List<Taint> noExecute =
        NodeTaints.of(node).stream()
            .filter(t -> NodeTaints.NO_EXECUTE.equals(t.getEffect()))
            .toList();
    if (noExecute.isEmpty()) {
      return Optional.empty();
    }
    String nodeName = node.getMetadata().getName();
    Duration next = null;
    for (Pod pod : context.client().list(Pod.class, null, null, "spec.nodeName=" + nodeName)) {
      if (pod.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      Instant due = dueAt(pod, noExecute, now);
      if (due == null) {
        continue;
      }
      if (!now.isBefore(due)) {
        evict(pod);
      } else if (next == null || Duration.between(now, due).compareTo(next) < 0) {
        next = Duration.between(now, due);
      }
    }
    return Optional.ofNullable(next);
  }

  /**
   * When the pod must go (upstream's {@code getMinTolerationTime}: the shortest seconds among the
   * tolerations used, counted from the earliest taint), or null if it tolerates every taint
   * forever.
   */
  static Instant dueAt(Pod pod, List<Taint> noExecute, Instant now) {
    List<Toleration> tolerations = Tolerations.of(pod);
    Long shortest = null;
    Instant since = null;
    for (Taint taint : noExecute) {
      if (!Tolerations.anyTolerates(tolerations, taint)) {
        return now;
      }
      Instant added = taint.getTimeAdded() == null ? now : Instant.parse(taint.getTimeAdded());
      since = since == null || added.isBefore(since) ? added : since;
      for (Toleration toleration : tolerations) {
        Long seconds = toleration.getTolerationSeconds();
        if (seconds != null && Tolerations.tolerates(toleration, taint)) {
          shortest = shortest == null ? seconds : Math.min(shortest, seconds);
        }
      }
    }
    return shortest == null ? null : since.plusSeconds(Math.max(0, shortest));
  }

  private void evict(Pod pod) {
    String namespace = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    context
        .events()
        .normal(
            pod,
            COMPONENT,
            "TaintManagerEviction",
            "Marking for deletion Pod " + namespace + "/" + name);
    context.client().delete(Pod.class, namespace, name, null, pod.getMetadata().getUid(), null);
  }
}
