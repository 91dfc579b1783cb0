package io.pilothouse.dashboard;

import io.pilothouse.printing.PodStatusSummary;
import io.pilothouse.printing.PrintedColumns;
import io.pilothouse.registry.ObjectNodes;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One row of the pods table: what {@code kubectl get pods -o wide} shows (status reason as kubectl
 * derives it, ready count, restarts, node, IP, age) plus the phase that picks the badge colour.
 */
public record PodRow(
    String namespace,
    String name,
    String phase,
    String status,
    String ready,
    String restarts,
    String node,
    String ip,
    String age,
    Map<String, String> labels)
    implements Serializable {

  /** The row of one pod. */
  public static PodRow of(JsonNode pod, Instant now) {
    PodStatusSummary summary = PodStatusSummary.of(pod);
    return new PodRow(
        ObjectNodes.namespace(pod),
        ObjectNodes.name(pod),
        orEmpty(ObjectNodes.text(pod, "status.phase")),
        summary.reason(),
        summary.readyCell(),
        summary.restartsCell(now),
        orEmpty(ObjectNodes.text(pod, "spec.nodeName")),
        orEmpty(ObjectNodes.text(pod, "status.podIP")),
        PrintedColumns.age(pod, now),
        Map.copyOf(ObjectNodes.stringMap(pod, "metadata.labels")));
  }

  /** The badge severity of the status: success, info, warning or danger. */
  public String severity() {
    return Severities.ofStatus(status, phase);
  }

  /** Whether the pod is failing: crash-looping, failed, or its image cannot be pulled. */
  public boolean failing() {
    return "danger".equals(severity());
  }

  static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
