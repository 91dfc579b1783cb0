package io.pilothouse.scheduler.framework;

import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A node with the pods on it (bound and assumed) and the sums the filters check: allocatable,
 * requested, and the non-zero request the scoring plugins use. The cache keeps one per node and
 * bumps its {@link #generation()} on every change; the snapshot holds copies, refreshed only for
 * nodes whose generation moved. A node info may exist without a node (pods bound to a node the
 * cache has not seen yet); such entries are not in the snapshot.
 */
public final class NodeInfo {

  private final String name;
  private Node node;
  private Map<String, String> labels = Map.of();
  private List<Taint> taints = List.of();
  private boolean unschedulable;
  private Map<String, Long> imageSizes = Map.of();
  private final Resource allocatable = new Resource();
  private final Resource requested = new Resource();
  private long nonZeroMilliCpu;
  private long nonZeroMemory;
  private List<PodInfo> pods = new ArrayList<>();
  private List<PodInfo> podsWithAffinity = new ArrayList<>();
  private List<PodInfo> podsWithRequiredAntiAffinity = new ArrayList<>();
  private long generation;

  public NodeInfo(String name) {
    this.name = name;
  }

  /** A node info for a node, with the given pods already on it (handy in tests). */
  public static NodeInfo of(Node node, PodInfo... pods) {
    NodeInfo info = new NodeInfo(node.getMetadata().getName());
    info.setNode(node);
    for (PodInfo pod : pods) {
      info.addPod(pod);
    }
    return info;
  }

  /** Sets or replaces the node object; its allocatable is status.allocatable (else capacity). */
  public void setNode(Node node) {
    this.node = node;
    Map<String, String> nodeLabels =
        node.getMetadata() == null ? null : node.getMetadata().getLabels();
    this.labels = nodeLabels == null ? Map.of() : Map.copyOf(nodeLabels);
    List<Taint> nodeTaints = node.getSpec() == null ? null : node.getSpec().getTaints();
    this.taints = nodeTaints == null ? List.of() : List.copyOf(nodeTaints);
    this.unschedulable =
        node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
    Map<String, Quantity> list =
        node.getStatus() == null ? null : node.getStatus().getAllocatable();
    if ((list == null || list.isEmpty()) && node.getStatus() != null) {
      list = node.getStatus().getCapacity();
    }
    allocatable.copyFrom(Resource.of(list));
    this.imageSizes = imageSizes(node);
    generation++;
  }

  private static Map<String, Long> imageSizes(Node node) {
    List<ContainerImage> images = node.getStatus() == null ? null : node.getStatus().getImages();
    if (images == null || images.isEmpty()) {
      return Map.of();
    }
    Map<String, Long> sizes = new HashMap<>();
    for (ContainerImage image : images) {
      if (image != null && image.getNames() != null) {
        long size = image.getSizeBytes() == null ? 0 : image.getSizeBytes();
        image.getNames().forEach(name -> sizes.put(name, size));
      }
    }
    return Map.copyOf(sizes);
  }

  /** Forgets the node object (node deleted) but keeps its pods until they are deleted too. */
  public void clearNode() {
    this.node = null;
  }

  public void addPod(PodInfo pod) {
    pods.add(pod);
    if (pod.hasAffinity()) {
      podsWithAffinity.add(pod);
    }
    if (pod.hasRequiredAntiAffinity()) {
      podsWithRequiredAntiAffinity.add(pod);
    }
    account(pod, 1);
    generation++;
  }

  /** Removes the pod with this key; returns whether it was there. */
  public boolean removePod(String podKey) {
    for (int i = 0; i < pods.size(); i++) {
      PodInfo pod = pods.get(i);
      if (pod.key().equals(podKey)) {
        pods.remove(i);
        podsWithAffinity.removeIf(p -> p.key().equals(podKey));
        podsWithRequiredAntiAffinity.removeIf(p -> p.key().equals(podKey));
        account(pod, -1);
        generation++;
        return true;
      }
    }
    return false;
  }

  private void account(PodInfo pod, int sign) {
    if (sign > 0) {
      requested.add(pod.requests());
    } else {
      requested.subtract(pod.requests());
    }
    nonZeroMilliCpu += sign * pod.nonZeroMilliCpu();
    nonZeroMemory += sign * pod.nonZeroMemory();
  }

  /** A deep copy sharing only the immutable pod infos and node object. */
  public NodeInfo copy() {
    NodeInfo copy = new NodeInfo(name);
    copy.copyFrom(this);
    return copy;
  }

  /** Overwrites this node info with another's state, keeping this object's identity. */
  public void copyFrom(NodeInfo other) {
    node = other.node;
    labels = other.labels;
    taints = other.taints;
    unschedulable = other.unschedulable;
    imageSizes = other.imageSizes;
    allocatable.copyFrom(other.allocatable);
    requested.copyFrom(other.requested);
    nonZeroMilliCpu = other.nonZeroMilliCpu;
    nonZeroMemory = other.nonZeroMemory;
    pods = new ArrayList<>(other.pods);
    podsWithAffinity = new ArrayList<>(other.podsWithAffinity);
    podsWithRequiredAntiAffinity = new ArrayList<>(other.podsWithRequiredAntiAffinity);
    generation = other.generation;
  }

  public String name() {
    return name;
  }

  /** The node object, or null if the node is not (or no longer) known. */
  public Node node() {
    return node;
  }

  public Map<String, String> labels() {
    return labels;
  }

  public List<Taint> taints() {
    return taints;
  }

  public boolean unschedulable() {
    return unschedulable;
  }

  /** Sizes in bytes of the images the node reports (status.images), by each of their names. */
  public Map<String, Long> imageSizes() {
    return imageSizes;
  }

  public Resource allocatable() {
    return allocatable;
  }

  /** The sum of the requests of the pods on the node, assumed ones included. */
  public Resource requested() {
    return requested;
  }

  public long nonZeroRequestedMilliCpu() {
    return nonZeroMilliCpu;
  }

  public long nonZeroRequestedMemory() {
    return nonZeroMemory;
  }

  public List<PodInfo> pods() {
    return pods;
  }

  public List<PodInfo> podsWithAffinity() {
    return podsWithAffinity;
  }

  public List<PodInfo> podsWithRequiredAntiAffinity() {
    return podsWithRequiredAntiAffinity;
  }

  /**
   * Changes with every change of the node or its pods: the cache sets it from one global counter,
   * so (node name, generation) identifies the node's content and plugins may memoize per-node
   * results by it.
   */
  public long generation() {
    return generation;
  }

  public void setGeneration(long generation) {
    this.generation = generation;
  }

  @Override
  public String toString() {
    return "NodeInfo{" + name + ", pods=" + pods.size() + ", requested=" + requested + "}";
  }
}
