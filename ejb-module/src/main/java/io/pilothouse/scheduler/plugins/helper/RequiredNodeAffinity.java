package io.pilothouse.scheduler.plugins.helper;

import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.pilothouse.scheduler.framework.NodeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pod's hard node constraints, as upstream's {@code nodeaffinity.RequiredNodeAffinity}: its
 * {@code nodeSelector} labels AND its required node affinity, whose terms are ORed (a term's
 * expressions and fields are ANDed; an empty term matches nothing). Used by NodeAffinity and by
 * PodTopologySpread's {@code nodeAffinityPolicy: Honor}.
 */
public final class RequiredNodeAffinity {

  private static final RequiredNodeAffinity NONE = new RequiredNodeAffinity(Map.of(), null);

  private final Map<String, String> nodeSelector;
  private final List<NodeSelectorTermMatcher> terms;

  private RequiredNodeAffinity(
      Map<String, String> nodeSelector, List<NodeSelectorTermMatcher> terms) {
    this.nodeSelector = nodeSelector;
    this.terms = terms;
  }

  public static RequiredNodeAffinity of(Pod pod) {
    if (pod.getSpec() == null) {
      return NONE;
    }
    Map<String, String> selector = pod.getSpec().getNodeSelector();
    NodeAffinity affinity =
        pod.getSpec().getAffinity() == null ? null : pod.getSpec().getAffinity().getNodeAffinity();
    NodeSelector required =
        affinity == null ? null : affinity.getRequiredDuringSchedulingIgnoredDuringExecution();
    List<NodeSelectorTermMatcher> terms = null;
    if (required != null) {
      terms = new ArrayList<>();
      if (required.getNodeSelectorTerms() != null) {
        for (NodeSelectorTerm term : required.getNodeSelectorTerms()) {
          terms.add(NodeSelectorTermMatcher.of(term));
        }
      }
    }
    return new RequiredNodeAffinity(selector == null ? Map.of() : Map.copyOf(selector), terms);
  }

  /** Whether the node satisfies the nodeSelector and the required affinity. */
  public boolean matches(NodeInfo node) {
    Map<String, String> labels = node.labels();
    for (Map.Entry<String, String> entry : nodeSelector.entrySet()) {
      if (!entry.getValue().equals(labels.get(entry.getKey()))) {
        return false;
      }
    }
    if (terms == null) {
      return true;
    }
    for (NodeSelectorTermMatcher term : terms) {
      if (term.matches(node.name(), labels)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the pod has no node constraint at all. */
  public boolean isEmpty() {
    return nodeSelector.isEmpty() && terms == null;
  }
}
