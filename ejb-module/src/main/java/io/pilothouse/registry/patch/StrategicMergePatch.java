package io.pilothouse.registry.patch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a strategic merge patch the way apimachinery's {@code strategicpatch.StrategicMergePatch}
 * does: maps merge recursively, {@code null} deletes a key, lists follow the field's {@link
 * FieldStrategy} (see {@link StrategicListMerge}), and the directives {@code $patch}, {@code
 * $retainKeys} and {@code $deleteFromPrimitiveList} are honoured and never kept. Works on a deep
 * copy of the current object; the parsed patch is consumed. One instance per patch request.
 */
final class StrategicMergePatch {

  private final PatchSchema schema;
  private final StrategicListMerge lists;

  StrategicMergePatch(PatchSchema schema) {
    this.schema = schema;
    this.lists = new StrategicListMerge(this, schema);
  }

  ObjectNode apply(ObjectNode current, ObjectNode patch) {
    ObjectNode merged = mergeMap(current.deepCopy(), patch, FieldPath.ROOT);
    return merged == null ? JsonNodeFactory.instance.objectNode() : merged;
  }

  /**
   * Merges {@code patch} into {@code original} (changed in place) and returns the result, or null
   * when the patch deletes the map ({@code $patch: delete}).
   */
  ObjectNode mergeMap(ObjectNode original, ObjectNode patch, FieldPath path) {
    String directive = Directives.patchDirective(patch, path);
    if (directive != null) {
      return replaceOrDelete(directive, patch, path);
    }
    applyRetainKeys(original, patch, path);
    lists.applySetElementOrder(original, patch, path);
    applyDeleteFromPrimitiveLists(original, patch, path);
    for (Map.Entry<String, JsonNode> field : new ArrayList<>(patch.properties())) {
      mergeField(original, field.getKey(), field.getValue(), path.child(field.getKey()));
    }
    return original;
  }

  private static ObjectNode replaceOrDelete(String directive, ObjectNode patch, FieldPath path) {
    return switch (directive) {
      case Directives.DELETE -> null;
      case Directives.REPLACE -> (ObjectNode) Directives.strip(patch, path);
      default -> throw Directives.unknownDirective(directive, path);
    };
  }

  private void mergeField(ObjectNode original, String key, JsonNode patchValue, FieldPath path) {
    if (Directives.isDirective(key)) {
      return;
    }
    if (patchValue.isNull()) {
      original.remove(key);
      return;
    }
    JsonNode originalValue = original.get(key);
    FieldStrategy strategy = schema.strategyFor(path);
    JsonNode merged;
    if (originalValue != null
        && originalValue.isObject()
        && patchValue.isObject()
        && !strategy.replace()) {
      merged = mergeMap((ObjectNode) originalValue, (ObjectNode) patchValue, path);
    } else if (originalValue != null
        && originalValue.isArray()
        && patchValue.isArray()
        && strategy.merge()) {
      merged = lists.merge((ArrayNode) originalValue, (ArrayNode) patchValue, strategy, path);
    } else {
      merged = Directives.strip(patchValue, path);
    }
    if (merged == null) {
      original.remove(key);
    } else {
      original.set(key, merged);
    }
  }

  /**
   * {@code $retainKeys: [..]} clears the keys of the original map it does not list; every key the
   * patch sets must be listed.
   */
  private static void applyRetainKeys(ObjectNode original, ObjectNode patch, FieldPath path) {
    JsonNode retain = patch.remove(Directives.RETAIN_KEYS);
    if (retain == null) {
      return;
    }
    Set<String> keep = strings(retain, Directives.RETAIN_KEYS, path);
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      String key = field.getKey();
      if (!field.getValue().isNull() && !Directives.isDirective(key) && !keep.contains(key)) {
        throw PatchException.malformed(
            "strategic merge patch: "
                + path.child(key)
                + " is set by the patch but missing from $retainKeys "
                + retain);
      }
    }
    List<String> dropped = new ArrayList<>(original.propertyNames());
    dropped.removeAll(keep);
    original.remove(dropped);
  }

  /** {@code $deleteFromPrimitiveList/<field>: [..]} removes those values from the list. */
  private static void applyDeleteFromPrimitiveLists(
      ObjectNode original, ObjectNode patch, FieldPath path) {
    for (String key : new ArrayList<>(patch.propertyNames())) {
      if (!key.startsWith(Directives.DELETE_FROM_PRIMITIVE_LIST)) {
        continue;
      }
      String field = Directives.fieldOf(key, Directives.DELETE_FROM_PRIMITIVE_LIST, path);
      JsonNode toDelete = patch.remove(key);
      if (!toDelete.isArray()) {
        throw PatchException.malformed(
            "strategic merge patch: " + key + " at " + path + " must be a list, got " + toDelete);
      }
      JsonNode list = original.get(field);
      if (list != null && list.isArray()) {
        Set<JsonNode> values = new HashSet<>();
        toDelete.forEach(v -> values.add(ListOrder.canonical(v)));
        ((ArrayNode) list).removeIf(e -> values.contains(ListOrder.canonical(e)));
      }
    }
  }

  private static Set<String> strings(JsonNode list, String directive, FieldPath path) {
    if (!list.isArray()) {
      throw PatchException.malformed(
          "strategic merge patch: " + directive + " at " + path + " must be a list, got " + list);
    }
    Set<String> strings = new HashSet<>();
    for (JsonNode element : list) {
      if (!element.isString()) {
        throw PatchException.malformed(
            "strategic merge patch: " + directive + " at " + path + " must list field names");
      }
      strings.add(element.stringValue());
    }
    return strings;
  }
}
