package io.pilothouse.dashboard;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The overview page's figures: nodes ready out of total, pods by phase, requested against
 * allocatable per node (the first nodes by name), recent Warning events and failing pods.
 */
public record ClusterSummary(
    long nodesReady,
    long nodesTotal,
    Map<String, Long> podsByPhase,
    List<NodeRow> nodes,
    List<EventRow> warnings,
    List<PodRow> failingPods)
    implements Serializable {}
