package io.pilothouse.scheduler.plugins.interpodaffinity;

import io.pilothouse.scheduler.framework.AffinityTerm;
import io.pilothouse.scheduler.framework.ClusterEvent;
import io.pilothouse.scheduler.framework.CycleState;
import io.pilothouse.scheduler.framework.EnqueueExtensions;
import io.pilothouse.scheduler.framework.FilterPlugin;
import io.pilothouse.scheduler.framework.Handle;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.NormalizeScore;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.PreFilterPlugin;
import io.pilothouse.scheduler.framework.PreScorePlugin;
import io.pilothouse.scheduler.framework.ScorePlugin;
import io.pilothouse.scheduler.framework.SharedLister;
import io.pilothouse.scheduler.framework.Status;
import java.util.List;
import java.util.Set;

/**
 * Pod affinity and anti-affinity between pods, by topology domain: a node is filtered out if the
 * pod's required affinity finds no matching pod in the node's domain (unless the pod is the first
 * of a group that matches itself), if its required anti-affinity finds one, or if an existing pod's
 * required anti-affinity rejects the incoming pod there (symmetry). Preferred terms of both sides
 * are scored in {@link AffinityScoring}.
 */
public final class InterPodAffinity
    implements PreFilterPlugin,
        FilterPlugin,
        PreScorePlugin,
        ScorePlugin,
        NormalizeScore,
        EnqueueExtensions {

  public static final String NAME = "InterPodAffinity";

  public static final String ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH =
      "node(s) didn't satisfy existing pods anti-affinity rules";
  public static final String ERR_REASON_AFFINITY_RULES_NOT_MATCH =
      "node(s) didn't match pod affinity rules";
  public static final String ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH =
      "node(s) didn't match pod anti-affinity rules";

  private static final String PRE_FILTER_KEY = "PreFilter" + NAME;

  private final Handle handle;
  private final AffinityScoring scoring;

  private record PreFilterState(
      TopologyCounts existingAntiAffinity, TopologyCounts affinity, TopologyCounts antiAffinity) {}

  public InterPodAffinity(Handle handle) {
    this.handle = handle;
    this.scoring = new AffinityScoring(handle);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status preFilter(CycleState state, PodInfo pod) {
    SharedLister snapshot = handle.snapshot();
    TopologyCounts existingAnti = new TopologyCounts();
    for (NodeInfo node : snapshot.havePodsWithRequiredAntiAffinityList()) {
      for (PodInfo existing : node.podsWithRequiredAntiAffinity()) {
        for (AffinityTerm term : existing.requiredAntiAffinityTerms()) {
          countIfMatches(existingAnti, term, pod, node, snapshot);
        }
      }
    }
    List<AffinityTerm> affinityTerms = pod.requiredAffinityTerms();
    List<AffinityTerm> antiTerms = pod.requiredAntiAffinityTerms();
    if (existingAnti.isEmpty() && affinityTerms.isEmpty() && antiTerms.isEmpty()) {
      return Status.skip();
    }
    TopologyCounts affinity = new TopologyCounts();
    TopologyCounts anti = new TopologyCounts();
    if (!affinityTerms.isEmpty() || !antiTerms.isEmpty()) {
      for (NodeInfo node : snapshot.list()) {
        for (PodInfo existing : node.pods()) {
          if (!affinityTerms.isEmpty() && matchesAll(affinityTerms, existing, snapshot)) {
            for (AffinityTerm term : affinityTerms) {
              addPair(affinity, term, node);
            }
          }
          for (AffinityTerm term : antiTerms) {
            countIfMatches(anti, term, existing, node, snapshot);
          }
        }
      }
    }
    state.write(PRE_FILTER_KEY, new PreFilterState(existingAnti, affinity, anti));
    return Status.success();
  }

  private static void countIfMatches(
      TopologyCounts counts, AffinityTerm term, PodInfo pod, NodeInfo node, SharedLister lister) {
    if (term.matches(pod, lister)) {
      addPair(counts, term, node);
    }
  }

  private static void addPair(TopologyCounts counts, AffinityTerm term, NodeInfo node) {
    String value = node.labels().get(term.topologyKey());
    if (value != null) {
      counts.add(term.topologyKey(), value, 1);
    }
  }

  private static boolean matchesAll(List<AffinityTerm> terms, PodInfo pod, SharedLister lister) {
    for (AffinityTerm term : terms) {
      if (!term.matches(pod, lister)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo nodeInfo) {
    PreFilterState s = state.read(PRE_FILTER_KEY, PreFilterState.class);
    if (s == null) {
      return Status.success();
    }
    if (!satisfiesAffinity(s, pod, nodeInfo)) {
      return Status.unschedulableAndUnresolvable(ERR_REASON_AFFINITY_RULES_NOT_MATCH);
    }
    for (AffinityTerm term : pod.requiredAntiAffinityTerms()) {
      String value = nodeInfo.labels().get(term.topologyKey());
      if (value != null && s.antiAffinity().get(term.topologyKey(), value) > 0) {
        return Status.unschedulable(ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
      }
    }
    if (s.existingAntiAffinity().anyPositive(nodeInfo.labels())) {
      return Status.unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);
    }
    return Status.success();
  }

  private boolean satisfiesAffinity(PreFilterState s, PodInfo pod, NodeInfo nodeInfo) {
    boolean podsExist = true;
    for (AffinityTerm term : pod.requiredAffinityTerms()) {
      String value = nodeInfo.labels().get(term.topologyKey());
      if (value == null) {
        return false;
      }
      if (s.affinity().get(term.topologyKey(), value) <= 0) {
        podsExist = false;
      }
    }
    if (podsExist) {
      return true;
    }
    // The first pod of a group with affinity to itself must not wait forever for a peer.
    return s.affinity().isEmpty()
        && matchesAll(pod.requiredAffinityTerms(), pod, handle.snapshot());
  }

  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasibleNodes) {
    return scoring.preScore(state, pod);
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo nodeInfo) {
    return scoring.score(state, nodeInfo);
  }

  @Override
  public Status normalizeScore(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    return scoring.normalizeScore(state, scores);
  }

  @Override
  public Set<ClusterEvent> eventsToRegister() {
    return Set.of(
        ClusterEvent.ASSIGNED_POD_ADD,
        ClusterEvent.ASSIGNED_POD_UPDATE,
        ClusterEvent.ASSIGNED_POD_DELETE,
        ClusterEvent.NODE_ADD,
        ClusterEvent.NODE_UPDATE,
        ClusterEvent.NAMESPACE_CHANGE);
  }
}
