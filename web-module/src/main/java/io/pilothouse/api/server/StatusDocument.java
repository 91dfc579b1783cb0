package io.pilothouse.api.server;

import io.pilothouse.api.StatusException;
import io.pilothouse.json.KubernetesJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of every API error: a {@code meta/v1 Status} laid out field for field as kube-apiserver
 * writes it ({@code kind, apiVersion, metadata, status, message, reason, details, code}), with
 * every empty field left out as Go's {@code omitempty} leaves it out: no {@code null}, no empty
 * {@code group}, no empty {@code causes}.
 */
public final class StatusDocument {

  private StatusDocument() {}

  /** The Status of a failure. */
  public static ObjectNode of(StatusException failure) {
    ObjectNode status = KubernetesJson.mapper().createObjectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    putIfPresent(status, "message", failure.getMessage());
    putIfPresent(status, "reason", failure.reason());
    StatusException.StatusDetails details = failure.details();
    if (details != null) {
      ObjectNode written = details(details);
      if (!written.isEmpty()) {
        status.set("details", written);
      }
    }
    if (failure.code() != 0) {
      status.put("code", failure.code());
    }
    return status;
  }

  private static ObjectNode details(StatusException.StatusDetails details) {
    ObjectNode node = KubernetesJson.mapper().createObjectNode();
    putIfPresent(node, "name", details.name());
    putIfPresent(node, "group", details.group());
    putIfPresent(node, "kind", details.kind());
    if (details.causes() != null && !details.causes().isEmpty()) {
      var causes = node.putArray("causes");
      for (StatusException.Cause cause : details.causes()) {
        ObjectNode c = causes.addObject();
        putIfPresent(c, "reason", cause.reason());
        putIfPresent(c, "message", cause.message());
        putIfPresent(c, "field", cause.field());
      }
    }
    return node;
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null && !value.isEmpty()) {
      node.put(field, value);
    }
  }
}
