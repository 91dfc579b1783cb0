package io.pilothouse.scheduler;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.pilothouse.scheduler.cache.SchedulerCache;
import io.pilothouse.scheduler.framework.ClusterEvent;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.Pods;
import io.pilothouse.scheduler.queue.SchedulingQueue;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Routes the current state of changed objects into the cache and the queue, as upstream's {@code
 * eventhandlers.go}, level-triggered: each call gets the object as it is now (or its key when gone)
 * and works out what changed against the cache. Bound pods go to the cache, pending pods of our
 * scheduler names to the queue; node and bound-pod changes become {@link ClusterEvent}s that wake
 * unschedulable pods.
 */
final class EventHandlers {

  private final SchedulerCache cache;
  private final SchedulingQueue queue;
  private final Set<String> schedulerNames;

  EventHandlers(SchedulerCache cache, SchedulingQueue queue, Set<String> schedulerNames) {
    this.cache = cache;
    this.queue = queue;
    this.schedulerNames = schedulerNames;
  }

  void podChanged(Pod pod) {
    if (Pods.name(pod).isEmpty()) {
      throw new IllegalArgumentException("pod without a name");
    }
    PodInfo info = PodInfo.of(pod);
    if (info.nodeName() != null) {
      queue.delete(info.key());
      assignedPodChanged(info);
      return;
    }
    PodInfo cached = cache.getPod(info.key());
    if (cached != null && !cache.isAssumedPod(info.key())) {
      // A bound pod of that name is gone and was recreated; we missed the deletion.
      podDeleted(info.key());
    }
    if (!schedulerNames.contains(Pods.schedulerName(pod))
        || Pods.isTerminating(pod)
        || Pods.isTerminal(pod)) {
      queue.delete(info.key());
    } else if (!cache.isAssumedPod(info.key())) {
      queue.addOrUpdate(info);
    }
  }

  private void assignedPodChanged(PodInfo info) {
    if (Pods.isTerminal(info.pod())) {
      podDeleted(info.key());
      return;
    }
    boolean wasAssumed = cache.isAssumedPod(info.key());
    PodInfo cached = cache.getPod(info.key());
    cache.addOrUpdatePod(info);
    if (cached == null || wasAssumed) {
      queue.onClusterEvent(ClusterEvent.ASSIGNED_POD_ADD);
    } else if (!cached.labels().equals(info.labels())
        || !cached.requests().equals(info.requests())) {
      queue.onClusterEvent(ClusterEvent.ASSIGNED_POD_UPDATE);
    }
  }

  void podDeleted(String podKey) {
    queue.delete(podKey);
    if (cache.getPod(podKey) != null) {
      cache.removePod(podKey);
      queue.onClusterEvent(ClusterEvent.ASSIGNED_POD_DELETE);
    }
  }

  void nodeChanged(Node node) {
    if (node.getMetadata().getName() == null || node.getMetadata().getName().isEmpty()) {
      throw new IllegalArgumentException("node without a name");
    }
    Node old = cache.getNode(node.getMetadata().getName());
    cache.addOrUpdateNode(node);
    if (old == null) {
      queue.onClusterEvent(ClusterEvent.NODE_ADD);
    } else if (schedulingPropertiesChanged(old, node)) {
      queue.onClusterEvent(ClusterEvent.NODE_UPDATE);
    }
  }

  void nodeDeleted(String nodeName) {
    if (cache.getNode(nodeName) != null) {
      cache.removeNode(nodeName);
      queue.onClusterEvent(ClusterEvent.NODE_DELETE);
    }
  }

  void namespaceChanged(String name, Map<String, String> labels) {
    cache.addOrUpdateNamespace(name, labels);
    queue.onClusterEvent(ClusterEvent.NAMESPACE_CHANGE);
  }

  /**
   * Replays a full listing: every listed object as changed, and everything the cache or queue holds
   * that the listing lacks as deleted, so a lost deletion message is repaired.
   */
  void resync(Collection<Node> nodes, Collection<Pod> pods) {
    Set<String> nodeNames = new HashSet<>();
    for (Node node : nodes) {
      nodeChanged(node);
      nodeNames.add(node.getMetadata().getName());
    }
    for (String name : cache.nodeNames()) {
      if (!nodeNames.contains(name)) {
        nodeDeleted(name);
      }
    }
    Set<String> podKeys = new HashSet<>();
    for (Pod pod : pods) {
      podChanged(pod);
      podKeys.add(Pods.key(pod));
    }
    Set<String> known = new HashSet<>(cache.boundPodKeys());
    known.addAll(queue.podKeys());
    for (String key : known) {
      if (!podKeys.contains(key)) {
        podDeleted(key);
      }
    }
  }

  /** Labels, taints, cordon or allocatable: what the filters look at (not heartbeats). */
  static boolean schedulingPropertiesChanged(Node old, Node current) {
    return !Objects.equals(old.getMetadata().getLabels(), current.getMetadata().getLabels())
        || !Objects.equals(
            old.getSpec() == null ? null : old.getSpec().getTaints(),
            current.getSpec() == null ? null : current.getSpec().getTaints())
        || !Objects.equals(
            old.getSpec() == null ? null : old.getSpec().getUnschedulable(),
            current.getSpec() == null ? null : current.getSpec().getUnschedulable())
        || !Objects.equals(
            old.getStatus() == null ? null : old.getStatus().getAllocatable(),
            current.getStatus() == null ? null : current.getStatus().getAllocatable());
  }
}
