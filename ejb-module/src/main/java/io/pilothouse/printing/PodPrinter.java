package io.pilothouse.printing;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get pods}: NAME, READY, STATUS, RESTARTS, AGE; wide adds IP, NODE, NOMINATED NODE
 * and READINESS GATES. Pods in a terminal phase get a {@code Completed} row condition.
 */
final class PodPrinter implements KindPrinter {

  private static final List<Column> COLUMNS =
      List.of(
          Column.nameColumn(),
          Column.of(
              "Ready",
              "string",
              "The aggregate readiness state of this pod for accepting traffic."),
          Column.of("Status", "string", "The aggregate status of the containers in this pod."),
          Column.of(
              "Restarts",
              "string",
              "The number of times the containers in this pod have been restarted and when the"
                  + " last container in this pod has restarted."),
          Column.ageColumn(),
          Column.wide("IP", "string", Descriptions.POD_IP),
          Column.wide("Node", "string", Descriptions.POD_NODE_NAME),
          Column.wide("Nominated Node", "string", Descriptions.POD_NOMINATED_NODE_NAME),
          Column.wide("Readiness Gates", "string", Descriptions.POD_READINESS_GATES));

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(JsonNode pod, Instant now) {
    PodStatusSummary summary = PodStatusSummary.of(pod);
    return List.of(
        Fields.name(pod),
        summary.readyCell(),
        summary.reason(),
        summary.restartsCell(now),
        Timestamps.age(pod, now),
        Fields.orNone(podIp(pod)),
        Fields.orNone(Fields.text(pod, "spec", "nodeName")),
        Fields.orNone(Fields.text(pod, "status", "nominatedNodeName")),
        readinessGates(pod));
  }

  @Override
  public List<RowCondition> conditions(JsonNode pod) {
    return switch (Fields.text(pod, "status", "phase")) {
      case "Succeeded" -> List.of(RowCondition.POD_SUCCEEDED);
      case "Failed" -> List.of(RowCondition.POD_FAILED);
      default -> List.of();
    };
  }

  /** {@code status.podIP}, authoritative over {@code podIPs} as in the v1 conversion. */
  private static String podIp(JsonNode pod) {
    String podIp = Fields.text(pod, "status", "podIP");
    if (!podIp.isEmpty()) {
      return podIp;
    }
    List<JsonNode> podIps = Fields.items(pod, "status", "podIPs");
    return podIps.isEmpty() ? "" : Fields.text(podIps.get(0), "ip");
  }

  /** {@code true/declared} readiness gates, or {@code <none>}. */
  private static String readinessGates(JsonNode pod) {
    List<JsonNode> gates = Fields.items(pod, "spec", "readinessGates");
    if (gates.isEmpty()) {
      return "<none>";
    }
    List<JsonNode> conditions = Fields.items(pod, "status", "conditions");
    int trueConditions = 0;
    for (JsonNode gate : gates) {
      String type = Fields.text(gate, "conditionType");
      for (JsonNode condition : conditions) {
        if (Fields.text(condition, "type").equals(type)) {
          if (Fields.text(condition, "status").equals("True")) {
            trueConditions++;
          }
          break;
        }
      }
    }
    return trueConditions + "/" + gates.size();
  }
}
