package io.pilothouse.scheduler.framework;

import java.util.List;
import java.util.Map;

/**
 * The read-only view of the cluster a scheduling cycle works on: upstream's {@code SharedLister}
 * over the cache's snapshot. It stays unchanged for the whole cycle, so all plugins judge the pod
 * against the same state; plugins must not mutate what it returns.
 */
public interface SharedLister {

  /** All nodes, zone-interleaved so that a partial scan still covers every zone. */
  List<NodeInfo> list();

  /** The node of that name, or null. */
  NodeInfo get(String nodeName);

  /** Nodes running at least one pod with pod affinity or anti-affinity terms. */
  List<NodeInfo> havePodsWithAffinityList();

  /** Nodes running at least one pod with required anti-affinity terms. */
  List<NodeInfo> havePodsWithRequiredAntiAffinityList();

  /** How many nodes report the image (by one of its names) in status.images. */
  int nodesWithImage(String image);

  /** The labels of a namespace (for namespaceSelector); empty if unknown. */
  Map<String, String> namespaceLabels(String namespace);
}
