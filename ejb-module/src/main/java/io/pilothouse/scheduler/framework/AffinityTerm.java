package io.pilothouse.scheduler.framework;

import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled pod (anti-)affinity term: which pods it selects (namespaces, namespaceSelector,
 * labelSelector) and the topology key whose domain they must (not) share. As upstream, a term with
 * neither namespaces nor a namespaceSelector selects pods of the owning pod's namespace.
 *
 * @param weight the term's weight if it is a preferred term, else 0
 */
public record AffinityTerm(
    Set<String> namespaces,
    Selector namespaceSelector,
    Selector selector,
    String topologyKey,
    int weight) {

  /** Compiles a term of the pod in the given namespace. */
  public static AffinityTerm of(String podNamespace, PodAffinityTerm term, int weight) {
    List<String> listed = term.getNamespaces() == null ? List.of() : term.getNamespaces();
    Selector namespaceSelector =
        term.getNamespaceSelector() == null
            ? Selector.NOTHING
            : Selector.of(term.getNamespaceSelector());
    Set<String> namespaces =
        listed.isEmpty() && term.getNamespaceSelector() == null
            ? Set.of(podNamespace)
            : Set.copyOf(listed);
    String topologyKey = term.getTopologyKey() == null ? "" : term.getTopologyKey();
    return new AffinityTerm(
        namespaces, namespaceSelector, Selector.of(term.getLabelSelector()), topologyKey, weight);
  }

  /** Whether the term selects the pod, given the labels of the pod's namespace. */
  public boolean matches(PodInfo pod, SharedLister lister) {
    if (namespaces.contains(pod.namespace())
        || (!namespaceSelector.isNothing()
            && namespaceSelector.matches(lister.namespaceLabels(pod.namespace())))) {
      return selector.matches(pod.labels());
    }
    return false;
  }

  /** Whether the term selects the pod, given its namespace's labels directly. */
  public boolean matches(PodInfo pod, Map<String, String> namespaceLabels) {
    if (namespaces.contains(pod.namespace())
        || (!namespaceSelector.isNothing() && namespaceSelector.matches(namespaceLabels))) {
      return selector.matches(pod.labels());
    }
    return false;
  }
}
