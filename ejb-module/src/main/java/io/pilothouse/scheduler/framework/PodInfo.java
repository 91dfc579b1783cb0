package io.pilothouse.scheduler.framework;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pod as the scheduler sees it, with what every cycle needs computed once: its key ({@code
 * namespace/name}), labels, effective resource request and compiled (anti-)affinity terms.
 * Immutable; the same instance is shared by the queue, the cache and every snapshot. An assumed pod
 * is the same pod info with the chosen node name ({@link #withNodeName}), so the API object itself
 * is never copied or mutated.
 */
public final class PodInfo {

  private final Pod pod;
  private final String key;
  private final String namespace;
  private final String name;
  private final String nodeName;
  private final Map<String, String> labels;
  private final int priority;
  private final Resource requests;
  private final long nonZeroMilliCpu;
  private final long nonZeroMemory;
  private final Terms terms;

  /** The compiled affinity terms, shared between a pod info and its assumed copy. */
  private record Terms(
      List<AffinityTerm> requiredAffinity,
      List<AffinityTerm> requiredAntiAffinity,
      List<AffinityTerm> preferredAffinity,
      List<AffinityTerm> preferredAntiAffinity) {}

  private PodInfo(Pod pod, String nodeName, PodInfo base) {
    this.pod = pod;
    this.nodeName = nodeName;
    this.key = base.key;
    this.namespace = base.namespace;
    this.name = base.name;
    this.labels = base.labels;
    this.priority = base.priority;
    this.requests = base.requests;
    this.nonZeroMilliCpu = base.nonZeroMilliCpu;
    this.nonZeroMemory = base.nonZeroMemory;
    this.terms = base.terms;
  }

  private PodInfo(Pod pod) {
    this.pod = pod;
    this.namespace = Pods.namespace(pod);
    this.name = Pods.name(pod);
    this.key = namespace + "/" + name;
    this.nodeName = Pods.nodeName(pod);
    Map<String, String> podLabels =
        pod.getMetadata() == null ? null : pod.getMetadata().getLabels();
    this.labels = podLabels == null ? Map.of() : Map.copyOf(podLabels);
    Integer podPriority = pod.getSpec() == null ? null : pod.getSpec().getPriority();
    this.priority = podPriority == null ? 0 : podPriority;
    this.requests = PodRequests.requests(pod);
    Resource nonZero = PodRequests.nonZeroRequests(pod);
    this.nonZeroMilliCpu = nonZero.milliCpu();
    this.nonZeroMemory = nonZero.memory();
    this.terms = compileTerms(pod, namespace);
  }

  /** Computes the pod info of an API pod. Never throws on odd but well-formed pods. */
  public static PodInfo of(Pod pod) {
    return new PodInfo(pod);
  }

  /** The same pod, assumed (or observed) on the given node. */
  public PodInfo withNodeName(String node) {
    return new PodInfo(pod, node, this);
  }

  private static Terms compileTerms(Pod pod, String namespace) {
    Affinity affinity = pod.getSpec() == null ? null : pod.getSpec().getAffinity();
    if (affinity == null) {
      return new Terms(List.of(), List.of(), List.of(), List.of());
    }
    var podAffinity = affinity.getPodAffinity();
    var antiAffinity = affinity.getPodAntiAffinity();
    return new Terms(
        required(
            namespace,
            podAffinity == null
                ? null
                : podAffinity.getRequiredDuringSchedulingIgnoredDuringExecution()),
        required(
            namespace,
            antiAffinity == null
                ? null
                : antiAffinity.getRequiredDuringSchedulingIgnoredDuringExecution()),
        preferred(
            namespace,
            podAffinity == null
                ? null
                : podAffinity.getPreferredDuringSchedulingIgnoredDuringExecution()),
        preferred(
            namespace,
            antiAffinity == null
                ? null
                : antiAffinity.getPreferredDuringSchedulingIgnoredDuringExecution()));
  }

  private static List<AffinityTerm> required(String namespace, List<PodAffinityTerm> terms) {
    if (terms == null || terms.isEmpty()) {
      return List.of();
    }
    List<AffinityTerm> compiled = new ArrayList<>(terms.size());
    for (PodAffinityTerm term : terms) {
      if (term != null) {
        compiled.add(AffinityTerm.of(namespace, term, 0));
      }
    }
    return List.copyOf(compiled);
  }

  private static List<AffinityTerm> preferred(
      String namespace, List<WeightedPodAffinityTerm> terms) {
    if (terms == null || terms.isEmpty()) {
      return List.of();
    }
    List<AffinityTerm> compiled = new ArrayList<>(terms.size());
    for (WeightedPodAffinityTerm term : terms) {
      if (term != null && term.getPodAffinityTerm() != null) {
        int weight = term.getWeight() == null ? 0 : term.getWeight();
        compiled.add(AffinityTerm.of(namespace, term.getPodAffinityTerm(), weight));
      }
    }
    return List.copyOf(compiled);
  }

  public Pod pod() {
    return pod;
  }

  /** {@code namespace/name}: the key of the pod in the queue and the cache. */
  public String key() {
    return key;
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  /** The node the pod is bound or assumed to, or null. */
  public String nodeName() {
    return nodeName;
  }

  public Map<String, String> labels() {
    return labels;
  }

  public int priority() {
    return priority;
  }

  /** The effective request (do not mutate). */
  public Resource requests() {
    return requests;
  }

  public long nonZeroMilliCpu() {
    return nonZeroMilliCpu;
  }

  public long nonZeroMemory() {
    return nonZeroMemory;
  }

  public List<AffinityTerm> requiredAffinityTerms() {
    return terms.requiredAffinity;
  }

  public List<AffinityTerm> requiredAntiAffinityTerms() {
    return terms.requiredAntiAffinity;
  }

  public List<AffinityTerm> preferredAffinityTerms() {
    return terms.preferredAffinity;
  }

  public List<AffinityTerm> preferredAntiAffinityTerms() {
    return terms.preferredAntiAffinity;
  }

  /** Whether any pod (anti-)affinity term is set, required or preferred. */
  public boolean hasAffinity() {
    return !terms.requiredAffinity.isEmpty()
        || !terms.requiredAntiAffinity.isEmpty()
        || !terms.preferredAffinity.isEmpty()
        || !terms.preferredAntiAffinity.isEmpty();
  }

  public boolean hasRequiredAntiAffinity() {
    return !terms.requiredAntiAffinity.isEmpty();
  }

  @Override
  public String toString() {
    return key + (nodeName == null ? "" : "@" + nodeName);
  }
}
