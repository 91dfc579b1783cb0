package io.pilothouse.scheduler.framework;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Why no node fits a pod, and its message exactly as upstream's {@code FitError.Error()}:
 *
 * <pre>0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: },
 * 2 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for
 * scheduling.</pre>
 *
 * <p>Every reason of every node's status is counted, each count is printed as "count reason" and
 * those strings are sorted as strings (Go's {@code sort.Strings}, so "10 x" sorts before "2 y"),
 * joined by ", " and closed by ".". A PreFilter rejection replaces the histogram by its own
 * message; the PostFilter's message ("preemption: …") is appended after a space. With no nodes at
 * all the message is upstream's {@code ErrNoNodesAvailable}.
 */
public final class FitError {

  /** Upstream's {@code ErrNoNodesAvailable} message. */
  public static final String NO_NODES_AVAILABLE = "no nodes available to schedule pods";

  private final PodInfo pod;
  private final int numAllNodes;
  private final Map<String, Status> nodeToStatus;
  private final String preFilterMsg;
  private final String postFilterMsg;

  public FitError(
      PodInfo pod,
      int numAllNodes,
      Map<String, Status> nodeToStatus,
      String preFilterMsg,
      String postFilterMsg) {
    this.pod = pod;
    this.numAllNodes = numAllNodes;
    this.nodeToStatus = Collections.unmodifiableMap(new LinkedHashMap<>(nodeToStatus));
    this.preFilterMsg = preFilterMsg == null ? "" : preFilterMsg;
    this.postFilterMsg = postFilterMsg == null ? "" : postFilterMsg;
  }

  /** The same fit error with the PostFilter's message. */
  public FitError withPostFilterMsg(String message) {
    return new FitError(pod, numAllNodes, nodeToStatus, preFilterMsg, message);
  }

  public PodInfo pod() {
    return pod;
  }

  public int numAllNodes() {
    return numAllNodes;
  }

  /** The rejecting status of each node (by node name). */
  public Map<String, Status> nodeToStatus() {
    return nodeToStatus;
  }

  public String preFilterMsg() {
    return preFilterMsg;
  }

  public String postFilterMsg() {
    return postFilterMsg;
  }

  /** The plugins that rejected the pod somewhere: the queue waits for their events. */
  public Set<String> unschedulablePlugins() {
    Set<String> plugins = new TreeSet<>();
    for (Status status : nodeToStatus.values()) {
      if (status.isRejected() && status.plugin() != null) {
        plugins.add(status.plugin());
      }
    }
    return plugins;
  }

  /** The message for the pod's condition and the FailedScheduling event. */
  public String message() {
    if (numAllNodes == 0) {
      return NO_NODES_AVAILABLE;
    }
    StringBuilder message = new StringBuilder();
    if (!preFilterMsg.isEmpty()) {
      message.append(String.format("0/%d nodes are available: %s.", numAllNodes, preFilterMsg));
    } else {
      Map<String, Integer> reasons = new HashMap<>();
      for (Status status : nodeToStatus.values()) {
        for (String reason : status.reasons()) {
          reasons.merge(reason, 1, Integer::sum);
        }
      }
      message.append(histogram(numAllNodes, reasons));
    }
    if (!postFilterMsg.isEmpty()) {
      message.append(' ').append(postFilterMsg);
    }
    return message.toString();
  }

  /** "0/N nodes are available: c1 r1, c2 r2." with upstream's string sort of "count reason". */
  public static String histogram(int numAllNodes, Map<String, Integer> reasons) {
    List<String> counted = new ArrayList<>(reasons.size());
    reasons.forEach((reason, count) -> counted.add(count + " " + reason));
    Collections.sort(counted);
    String head = String.format("0/%d nodes are available:", numAllNodes);
    return counted.isEmpty() ? head : head + " " + String.join(", ", counted) + ".";
  }

  @Override
  public String toString() {
    return message();
  }
}
