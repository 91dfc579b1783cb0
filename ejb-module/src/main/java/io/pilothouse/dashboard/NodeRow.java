package io.pilothouse.dashboard;

import io.pilothouse.printing.PrintedColumns;
import io.pilothouse.registry.ObjectNodes;
import io.pilothouse.registry.validation.Trees;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One row of the nodes table: readiness, whether it is cordoned, roles, kubelet version, requested
 * against allocatable CPU and memory, the number of pods bound to it and its age.
 */
public record NodeRow(
    String name,
    String ready,
    boolean unschedulable,
    String roles,
    String version,
    Allocation allocation,
    int pods,
    String age,
    List<String> taints)
    implements Serializable {

  /** The row of a node, given its non-terminated pods. */
  public static NodeRow of(JsonNode node, List<? extends JsonNode> pods, Instant now) {
    List<String> cells = PrintedColumns.cells(node, "", "Node", false, now);
    return new NodeRow(
        ObjectNodes.name(node),
        readiness(node),
        Trees.isTrue(ObjectNodes.at(node, "spec"), "unschedulable"),
        cells.get(2),
        cells.get(4),
        Allocation.of(node, pods),
        pods.size(),
        cells.get(3),
        Trees.items(ObjectNodes.at(node, "spec"), "taints").stream().map(NodeRow::taint).toList());
  }

  /** {@code Ready}, {@code NotReady} or {@code Unknown}, from the Ready condition. */
  static String readiness(JsonNode node) {
    for (JsonNode c : Trees.items(ObjectNodes.at(node, "status"), "conditions")) {
      if ("Ready".equals(Trees.text(c, "type", ""))) {
        return switch (Trees.text(c, "status", "")) {
          case "True" -> "Ready";
          case "False" -> "NotReady";
          default -> "Unknown";
        };
      }
    }
    return "Unknown";
  }

  /** {@code key=value:Effect}, as kubectl describes a taint. */
  static String taint(JsonNode taint) {
    String value = Trees.text(taint, "value", "");
    return Trees.text(taint, "key", "")
        + (value.isEmpty() ? "" : "=" + value)
        + ":"
        + Trees.text(taint, "effect", "");
  }

  /** The badge severity of the node's readiness. */
  public String severity() {
    return Severities.ofStatus(ready, null);
  }
}
