package io.pilothouse.dashboard;

import io.pilothouse.printing.PrintedColumns;
import io.pilothouse.registry.ObjectNodes;
import java.io.Serializable;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One row of an events table: type, reason, object, message, count and age. */
public record EventRow(
    String namespace,
    String name,
    String type,
    String reason,
    String objectKind,
    String objectName,
    String message,
    String count,
    String age)
    implements Serializable {

  public static EventRow of(JsonNode event, Instant now) {
    String count = ObjectNodes.text(event, "count");
    return new EventRow(
        ObjectNodes.namespace(event),
        ObjectNodes.name(event),
        PodRow.orEmpty(ObjectNodes.text(event, "type")),
        PodRow.orEmpty(ObjectNodes.text(event, "reason")),
        PodRow.orEmpty(ObjectNodes.text(event, "involvedObject.kind")),
        PodRow.orEmpty(ObjectNodes.text(event, "involvedObject.name")),
        PodRow.orEmpty(ObjectNodes.text(event, "message")),
        count == null ? "1" : count,
        PrintedColumns.age(event, now));
  }

  /** Warning events are danger-coloured, others neutral. */
  public String severity() {
    return "Warning".equals(type) ? "danger" : "info";
  }
}
