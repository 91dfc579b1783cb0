package io.pilothouse.scheduler.cache;

import io.fabric8.kubernetes.api.model.Node;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.PodInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The scheduler's cache of nodes and the pods on them, as upstream's {@code cacheImpl}. Besides
 * bound pods it holds <em>assumed</em> pods: a pod is assumed on its node as soon as the scheduler
 * decides, so the next decision already sees its resources, long before the binding comes back
 * through the change feed. An assumed pod is confirmed when the bound pod is observed ({@link
 * #addOrUpdatePod}), forgotten when its binding fails ({@link #forgetPod}), and expires {@code ttl}
 * after its binding finished if it is never observed ({@link #cleanupExpiredAssumedPods}). Every
 * change bumps the node's generation and moves it to the head of a recency list, so {@link
 * #updateSnapshot} copies only what changed. Thread-safe.
 */
public final class SchedulerCache {

  private static final Logger LOG = Logger.getLogger(SchedulerCache.class.getName());

  private final InstantSource clock;
  private final Duration ttl;
  private final NodeList nodes = new NodeList();
  private final Map<String, PodState> podStates = new HashMap<>();
  private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
  private long structureGeneration;
  private long namespaceGeneration;
  private long imageGeneration;

  /** A pod known to the cache; deadline is set once an assumed pod's binding finished. */
  private record PodState(PodInfo pod, boolean assumed, Instant deadline) {}

  /**
   * @param ttl how long an assumed pod whose binding finished may stay unconfirmed; zero or
   *     negative means it never expires
   */
  public SchedulerCache(InstantSource clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  /** Adds a pod the scheduler just placed (its pod info carries the chosen node). */
  public synchronized void assumePod(PodInfo pod) {
    if (pod.nodeName() == null) {
      throw new IllegalArgumentException("assumed pod " + pod.key() + " has no node");
    }
    if (podStates.containsKey(pod.key())) {
      throw new IllegalStateException("pod " + pod.key() + " is already in the cache");
    }
    addToNode(pod);
    podStates.put(pod.key(), new PodState(pod, true, null));
  }

  /** Starts the expiry clock of an assumed pod: its binding was written. */
  public synchronized void finishBinding(PodInfo pod) {
    PodState state = podStates.get(pod.key());
    if (state != null && state.assumed()) {
      Instant deadline = ttl.isZero() || ttl.isNegative() ? null : clock.instant().plus(ttl);
      podStates.put(pod.key(), new PodState(state.pod(), true, deadline));
    }
  }

  /** Removes an assumed pod whose binding failed. A confirmed pod is left alone. */
  public synchronized void forgetPod(PodInfo pod) {
    PodState state = podStates.get(pod.key());
    if (state != null && state.assumed()) {
      removeFromNode(state.pod());
      podStates.remove(pod.key());
    }
  }

  /**
   * Records an observed bound pod: confirms it if it was assumed (moving it if it was bound
   * elsewhere), adds it if new, or replaces the cached version.
   */
  public synchronized void addOrUpdatePod(PodInfo pod) {
    if (pod.nodeName() == null) {
      return;
    }
    PodState state = podStates.get(pod.key());
    if (state != null) {
      if (state.assumed() && !pod.nodeName().equals(state.pod().nodeName())) {
        LOG.warning(
            () ->
                "pod "
                    + pod.key()
                    + " assumed on "
                    + state.pod().nodeName()
                    + " but bound to "
                    + pod.nodeName());
      }
      removeFromNode(state.pod());
    }
    addToNode(pod);
    podStates.put(pod.key(), new PodState(pod, false, null));
  }

  /** Removes a pod (deleted, or terminated so its resources are free). */
  public synchronized void removePod(String podKey) {
    PodState state = podStates.remove(podKey);
    if (state != null) {
      removeFromNode(state.pod());
    }
  }

  public synchronized boolean isAssumedPod(String podKey) {
    PodState state = podStates.get(podKey);
    return state != null && state.assumed();
  }

  /** The cached pod (bound or assumed), or null. */
  public synchronized PodInfo getPod(String podKey) {
    PodState state = podStates.get(podKey);
    return state == null ? null : state.pod();
  }

  /** Drops assumed pods whose binding finished more than ttl ago; returns how many. */
  public synchronized int cleanupExpiredAssumedPods() {
    Instant now = clock.instant();
    int expired = 0;
    Iterator<PodState> states = podStates.values().iterator();
    while (states.hasNext()) {
      PodState state = states.next();
      if (state.assumed() && state.deadline() != null && now.isAfter(state.deadline())) {
        LOG.info(() -> "assumed pod " + state.pod() + " expired before its binding was observed");
        removeFromNode(state.pod());
        states.remove();
        expired++;
      }
    }
    return expired;
  }

  /** The cached node object, or null. */
  public synchronized Node getNode(String nodeName) {
    NodeInfo info = nodes.get(nodeName);
    return info == null ? null : info.node();
  }

  public synchronized void addOrUpdateNode(Node node) {
    NodeInfo info = nodes.getOrCreate(node.getMetadata().getName());
    if (info.node() == null) {
      structureGeneration++;
    }
    Map<String, Long> oldImages = info.imageSizes();
    info.setNode(node);
    if (!oldImages.equals(info.imageSizes())) {
      imageGeneration++;
    }
    nodes.touch(info.name());
  }

  /** Removes a node; its pods stay accounted (under no node) until they are deleted. */
  public synchronized void removeNode(String nodeName) {
    NodeInfo info = nodes.get(nodeName);
    if (info == null) {
      return;
    }
    info.clearNode();
    imageGeneration++;
    if (info.pods().isEmpty()) {
      nodes.remove(nodeName);
    } else {
      nodes.touch(nodeName);
    }
    structureGeneration++;
  }

  public synchronized void addOrUpdateNamespace(String name, Map<String, String> labels) {
    namespaceLabels.put(name, labels == null ? Map.of() : Map.copyOf(labels));
    namespaceGeneration++;
  }

  public synchronized void removeNamespace(String name) {
    if (namespaceLabels.remove(name) != null) {
      namespaceGeneration++;
    }
  }

  private void addToNode(PodInfo pod) {
    nodes.getOrCreate(pod.nodeName()).addPod(pod);
    nodes.touch(pod.nodeName());
  }

  private void removeFromNode(PodInfo pod) {
    NodeInfo info = nodes.get(pod.nodeName());
    if (info == null) {
      return;
    }
    info.removePod(pod.key());
    if (info.node() == null && info.pods().isEmpty()) {
      nodes.remove(info.name());
    } else {
      nodes.touch(info.name());
    }
  }

  /** Brings the snapshot up to date with the cache, copying only the changed nodes. */
  public synchronized void updateSnapshot(Snapshot snapshot) {
    boolean affinityChanged = false;
    for (NodeInfo info : nodes.changedSince(snapshot.generation)) {
      if (info.node() == null) {
        continue;
      }
      NodeInfo existing = snapshot.nodeInfoMap.get(info.name());
      if (existing == null) {
        snapshot.nodeInfoMap.put(info.name(), info.copy());
        continue;
      }
      affinityChanged |=
          existing.podsWithAffinity().isEmpty() != info.podsWithAffinity().isEmpty()
              || existing.podsWithRequiredAntiAffinity().isEmpty()
                  != info.podsWithRequiredAntiAffinity().isEmpty();
      existing.copyFrom(info);
    }
    snapshot.generation = nodes.generation();
    if (snapshot.structureGeneration != structureGeneration) {
      rebuildStructure(snapshot);
    } else if (affinityChanged) {
      snapshot.rebuildAffinityLists();
    }
    if (snapshot.imageGeneration != imageGeneration) {
      snapshot.countImages();
      snapshot.imageGeneration = imageGeneration;
    }
    if (snapshot.namespaceGeneration != namespaceGeneration) {
      snapshot.namespaceLabels = Map.copyOf(namespaceLabels);
      snapshot.namespaceGeneration = namespaceGeneration;
    }
  }

  private void rebuildStructure(Snapshot snapshot) {
    List<NodeInfo> ordered = new ArrayList<>(nodes.size());
    Map<String, NodeInfo> kept = new LinkedHashMap<>();
    for (NodeInfo info : nodes.inInsertionOrder()) {
      NodeInfo copy = snapshot.nodeInfoMap.get(info.name());
      if (info.node() != null && copy != null) {
        ordered.add(copy);
        kept.put(info.name(), copy);
      }
    }
    snapshot.nodeInfoMap.keySet().retainAll(kept.keySet());
    snapshot.rebuildLists(ordered);
    snapshot.structureGeneration = structureGeneration;
  }

  /** A fresh snapshot of the whole cache. */
  public Snapshot snapshot() {
    Snapshot snapshot = new Snapshot();
    updateSnapshot(snapshot);
    return snapshot;
  }

  /** Keys of the bound (not assumed) pods in the cache. */
  public synchronized Set<String> boundPodKeys() {
    Set<String> keys = new HashSet<>();
    podStates.forEach(
        (key, state) -> {
          if (!state.assumed()) {
            keys.add(key);
          }
        });
    return keys;
  }

  /** Names of the nodes the cache knows. */
  public synchronized Set<String> nodeNames() {
    Set<String> names = new HashSet<>();
    nodes.inInsertionOrder().stream()
        .filter(n -> n.node() != null)
        .forEach(n -> names.add(n.name()));
    return names;
  }

  public synchronized int nodeCount() {
    return (int) nodes.inInsertionOrder().stream().filter(n -> n.node() != null).count();
  }

  public synchronized int podCount() {
    return podStates.size();
  }

  public synchronized int assumedPodCount() {
    return (int) podStates.values().stream().filter(PodState::assumed).count();
  }
}
