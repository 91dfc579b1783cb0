package io.pilothouse.scheduler.cache;

import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.SharedLister;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler's view of the cluster for one cycle: copies of the cache's node infos, refreshed by
 * {@link SchedulerCache#updateSnapshot} only for the nodes that changed since the last cycle (so a
 * cycle costs O(changed nodes), not O(cluster)). Node infos keep their identity across refreshes so
 * the lists stay valid; the lists are rebuilt only when nodes come or go, or a node starts or stops
 * running pods with affinity. Owned by the scheduling thread.
 */
public final class Snapshot implements SharedLister {

  static final String ZONE_LABEL = "topology.kubernetes.io/zone";
  static final String REGION_LABEL = "topology.kubernetes.io/region";

  final Map<String, NodeInfo> nodeInfoMap = new HashMap<>();
  private List<NodeInfo> nodeInfoList = List.of();
  private List<NodeInfo> havePodsWithAffinity = List.of();
  private List<NodeInfo> havePodsWithRequiredAntiAffinity = List.of();
  Map<String, Map<String, String>> namespaceLabels = Map.of();
  private Map<String, Integer> imageNodeCounts = Map.of();
  long imageGeneration = -1;
  long generation = -1;
  long structureGeneration = -1;
  long namespaceGeneration = -1;

  /** A snapshot of the given node infos (for tests and tools; the scheduler uses the cache). */
  public static Snapshot of(Collection<NodeInfo> nodes) {
    Snapshot snapshot = new Snapshot();
    for (NodeInfo node : nodes) {
      snapshot.nodeInfoMap.put(node.name(), node);
    }
    snapshot.rebuildLists(new ArrayList<>(nodes));
    snapshot.countImages();
    return snapshot;
  }

  /** Rebuilds the node list (zone-interleaved, in the given order) and the affinity lists. */
  void rebuildLists(List<NodeInfo> ordered) {
    Map<String, List<NodeInfo>> byZone = new LinkedHashMap<>();
    for (NodeInfo node : ordered) {
      byZone.computeIfAbsent(zoneKey(node), z -> new ArrayList<>()).add(node);
    }
    List<NodeInfo> interleaved = new ArrayList<>(ordered.size());
    for (int index = 0; interleaved.size() < ordered.size(); index++) {
      for (List<NodeInfo> zone : byZone.values()) {
        if (index < zone.size()) {
          interleaved.add(zone.get(index));
        }
      }
    }
    nodeInfoList = interleaved;
    rebuildAffinityLists();
  }

  void rebuildAffinityLists() {
    List<NodeInfo> affinity = new ArrayList<>();
    List<NodeInfo> antiAffinity = new ArrayList<>();
    for (NodeInfo node : nodeInfoList) {
      if (!node.podsWithAffinity().isEmpty()) {
        affinity.add(node);
      }
      if (!node.podsWithRequiredAntiAffinity().isEmpty()) {
        antiAffinity.add(node);
      }
    }
    havePodsWithAffinity = affinity;
    havePodsWithRequiredAntiAffinity = antiAffinity;
  }

  /** Recounts, per image name, the nodes reporting it. */
  void countImages() {
    Map<String, Integer> counts = new HashMap<>();
    for (NodeInfo node : nodeInfoList) {
      node.imageSizes().keySet().forEach(image -> counts.merge(image, 1, Integer::sum));
    }
    imageNodeCounts = counts;
  }

  private static String zoneKey(NodeInfo node) {
    String zone = node.labels().get(ZONE_LABEL);
    String region = node.labels().get(REGION_LABEL);
    return (region == null ? "" : region) + ":\0:" + (zone == null ? "" : zone);
  }

  @Override
  public List<NodeInfo> list() {
    return nodeInfoList;
  }

  @Override
  public NodeInfo get(String nodeName) {
    return nodeInfoMap.get(nodeName);
  }

  @Override
  public List<NodeInfo> havePodsWithAffinityList() {
    return havePodsWithAffinity;
  }

  @Override
  public List<NodeInfo> havePodsWithRequiredAntiAffinityList() {
    return havePodsWithRequiredAntiAffinity;
  }

  @Override
  public int nodesWithImage(String image) {
    return imageNodeCounts.getOrDefault(image, 0);
  }

  @Override
  public Map<String, String> namespaceLabels(String namespace) {
    return namespaceLabels.getOrDefault(namespace, Map.of());
  }

  public int numNodes() {
    return nodeInfoList.size();
  }
}
