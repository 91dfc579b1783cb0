package io.pilothouse.registry.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The spec/status split of kinds with a {@code status} subresource: a write to the main resource
 * keeps the stored status, a write to {@code /status} keeps everything else.
 */
final class StatusSplit {

  private static final Set<String> OWN_FIELDS = Set.of("apiVersion", "kind", "metadata", "status");

  private StatusSplit() {}

  /** {@code object.status} becomes the stored one (or goes, when none is stored). */
  static void keepStatus(ObjectNode object, ObjectNode old) {
    JsonNode status = old.get("status");
    if (status == null) {
      object.remove("status");
    } else {
      object.set("status", status.deepCopy());
    }
  }

  /** Every top-level field but metadata and status becomes the stored one. */
  static void keepAllButStatus(ObjectNode object, ObjectNode old) {
    List<String> names = new ArrayList<>(object.propertyNames());
    for (String name : names) {
      if (!OWN_FIELDS.contains(name) && !old.has(name)) {
        object.remove(name);
      }
    }
    for (String name : old.propertyNames()) {
      if (!OWN_FIELDS.contains(name)) {
        object.set(name, old.get(name).deepCopy());
      }
    }
  }

  /** {@code metadata.<field>} becomes the stored one (or goes). */
  static void keepMetadata(ObjectNode object, ObjectNode old, String field) {
    JsonNode value = old.path("metadata").get(field);
    ObjectNode metadata = io.pilothouse.registry.ObjectNodes.metadata(object);
    if (value == null) {
      metadata.remove(field);
    } else {
      metadata.set(field, value.deepCopy());
    }
  }
}
