package io.pilothouse.dashboard;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** What the node detail page shows. */
public record NodeDetail(
    NodeRow row,
    List<PodDetail.Condition> conditions,
    List<String> addresses,
    Map<String, String> labels,
    Map<String, String> capacity,
    Map<String, String> allocatable,
    List<PodRow> pods,
    String yaml)
    implements Serializable {}
