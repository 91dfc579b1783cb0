package io.pilothouse.registry.apply;

import io.pilothouse.json.KubernetesJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads and writes an object's {@code metadata.managedFields}. */
public final class ManagedFields {

  private static final String FIELDS_TYPE = "FieldsV1";

  private ManagedFields() {}

  /**
   * The entries of {@code metadata}; entries that are not of {@code FieldsV1} or cannot be read are
   * left out (a store written by another server is read, not refused).
   */
  public static List<ManagedFieldsEntry> read(JsonNode metadata) {
    JsonNode list = metadata == null ? null : metadata.get("managedFields");
    List<ManagedFieldsEntry> entries = new ArrayList<>();
    if (list == null || !list.isArray()) {
      return entries;
    }
    for (JsonNode item : list) {
      String manager = text(item, "manager");
      String operation = text(item, "operation");
      if (manager.isEmpty()
          || operation.isEmpty()
          || !FIELDS_TYPE.equals(text(item, "fieldsType"))) {
        continue;
      }
      try {
        entries.add(
            new ManagedFieldsEntry(
                manager,
                operation,
                text(item, "apiVersion"),
                text(item, "time"),
                text(item, "subresource"),
                FieldSet.fromFieldsV1(item.get("fieldsV1"))));
      } catch (IllegalArgumentException unreadable) {
        // left out, as documented
      }
    }
    return entries;
  }

  /** Whether a write's body asks to clear the managed fields: {@code managedFields: [{}]}. */
  public static boolean isReset(JsonNode metadata) {
    JsonNode list = metadata == null ? null : metadata.get("managedFields");
    return list != null && list.isArray() && list.size() == 1 && list.get(0).isEmpty();
  }

  /** Replaces {@code metadata.managedFields} with {@code entries}; none removes the field. */
  public static void write(ObjectNode metadata, List<ManagedFieldsEntry> entries) {
    if (entries.isEmpty()) {
      metadata.remove("managedFields");
      return;
    }
    ArrayNode list = KubernetesJson.mapper().createArrayNode();
    for (ManagedFieldsEntry entry : entries) {
      ObjectNode item = list.addObject();
      item.put("manager", entry.manager());
      item.put("operation", entry.operation());
      item.put("apiVersion", entry.apiVersion());
      item.put("time", entry.time());
      item.put("fieldsType", FIELDS_TYPE);
      item.set("fieldsV1", entry.fields().toFieldsV1());
      if (!entry.subresource().isEmpty()) {
        item.put("subresource", entry.subresource());
      }
    }
    metadata.set("managedFields", list);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isString() ? "" : value.asString();
  }
}
