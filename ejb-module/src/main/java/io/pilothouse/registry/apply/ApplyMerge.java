package io.pilothouse.registry.apply;

import io.pilothouse.registry.patch.FieldPath;
import io.pilothouse.registry.patch.FieldStrategy;
import io.pilothouse.registry.patch.PatchSchema;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges an applied configuration into the live object, as server-side apply does: maps merge field
 * by field, lists the kind merges by key merge item by item (new items appended), set-like lists of
 * primitives gain the applied values, and every other value is replaced; an explicit {@code null}
 * removes the field.
 */
final class ApplyMerge {

  private final PatchSchema schema;
  private final ObjectFields fields;

  ApplyMerge(PatchSchema schema) {
    this.schema = schema;
    this.fields = new ObjectFields(schema);
  }

  /** A new object: {@code live} with {@code config} merged in; neither is changed. */
  ObjectNode merge(ObjectNode live, ObjectNode config) {
    ObjectNode result = live.deepCopy();
    mergeInto(result, config, FieldPath.ROOT);
    return result;
  }

  private void mergeInto(ObjectNode target, JsonNode config, FieldPath at) {
    for (Map.Entry<String, JsonNode> entry : config.properties()) {
      String name = entry.getKey();
      JsonNode value = entry.getValue();
      FieldPath path = at.child(name);
      FieldStrategy strategy = schema.strategyFor(path);
      JsonNode existing = target.get(name);
      if (value.isNull()) {
        target.remove(name);
      } else if (value.isObject()
          && existing instanceof ObjectNode object
          && !value.isEmpty()
          && !strategy.replace()) {
        mergeInto(object, value, path);
      } else if (value.isArray() && existing instanceof ArrayNode list && strategy.merge()) {
        if (strategy.mergesByKey()) {
          mergeKeyed(list, value, path, strategy.mergeKey());
        } else {
          mergeSet(list, value);
        }
      } else {
        target.set(name, value.deepCopy());
      }
    }
  }

  private void mergeKeyed(ArrayNode live, JsonNode applied, FieldPath at, String key) {
    if (!fields.keyed(applied, at) || !fields.keyed(live, at)) {
      live.removeAll();
      applied.forEach(item -> live.add(item.deepCopy()));
      return;
    }
    for (JsonNode item : applied) {
      ObjectNode match = null;
      for (JsonNode candidate : live) {
        if (candidate.get(key).equals(item.get(key))) {
          match = (ObjectNode) candidate;
          break;
        }
      }
      if (match == null) {
        live.add(item.deepCopy());
      } else {
        mergeInto(match, item, at);
      }
    }
  }

  private static void mergeSet(ArrayNode live, JsonNode applied) {
    for (JsonNode value : applied) {
      boolean present = false;
      for (JsonNode existing : live) {
        present |= existing.equals(value);
      }
      if (!present) {
        live.add(value.deepCopy());
      }
    }
  }
}
