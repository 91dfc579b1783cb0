package io.pilothouse.registry.apply;

import io.pilothouse.registry.patch.FieldPath;
import io.pilothouse.registry.patch.FieldStrategy;
import io.pilothouse.registry.patch.PatchSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The field paths of an object's content and the values at them: which fields an applied
 * configuration sets, what an update changed, and removing what an applier no longer sets. Lists
 * that the kind merges by key ({@link PatchSchema}) are associative ({@code k:} items), lists of
 * primitives it merges are sets ({@code v:} values), every other list is one atomic field, as
 * upstream's structured-merge-diff reads its OpenAPI list types.
 */
public final class ObjectFields {

  /** The metadata fields the server owns or that name the object; never part of a field set. */
  private static final Set<String> IDENTITY_METADATA =
      Set.of(
          "name",
          "namespace",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "managedFields",
          "selfLink");

  private final PatchSchema schema;

  public ObjectFields(PatchSchema schema) {
    this.schema = schema;
  }

  /**
   * The paths of the fields {@code object} sets, apart from {@code apiVersion}, {@code kind}, the
   * identifying and server-owned metadata, and {@code status} (owned through the status
   * subresource).
   */
  public FieldSet of(JsonNode object) {
    List<List<String>> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      String name = entry.getKey();
      if (name.equals("apiVersion") || name.equals("kind") || name.equals("status")) {
        continue;
      }
      if (name.equals("metadata") && entry.getValue().isObject()) {
        for (Map.Entry<String, JsonNode> meta : entry.getValue().properties()) {
          if (!IDENTITY_METADATA.contains(meta.getKey())) {
            List<String> path = new ArrayList<>(List.of(FieldPaths.field("metadata")));
            walkField(meta.getKey(), meta.getValue(), FieldPath.ROOT.child("metadata"), path, out);
          }
        }
        continue;
      }
      walkField(name, entry.getValue(), FieldPath.ROOT, new ArrayList<>(), out);
    }
    return FieldSet.of(out);
  }

  private void walkField(
      String name, JsonNode value, FieldPath parent, List<String> path, List<List<String>> out) {
    FieldPath at = parent.child(name);
    FieldStrategy strategy = schema.strategyFor(at);
    path.add(FieldPaths.field(name));
    if (value.isObject() && !value.isEmpty() && !strategy.replace()) {
      walkObject(value, at, path, out);
    } else if (value.isArray() && !value.isEmpty() && strategy.mergesByKey() && keyed(value, at)) {
      for (JsonNode item : value) {
        path.add(FieldPaths.key(strategy.mergeKey(), item.get(strategy.mergeKey())));
        List<String> self = new ArrayList<>(path);
        self.add(FieldSet.SELF);
        out.add(self);
        walkObject(item, at, path, out);
        path.remove(path.size() - 1);
      }
    } else if (value.isArray() && !value.isEmpty() && strategy.merge() && !strategy.mergesByKey()) {
      for (JsonNode item : value) {
        List<String> element = new ArrayList<>(path);
        element.add(FieldPaths.value(item));
        out.add(element);
      }
    } else {
      out.add(new ArrayList<>(path));
    }
    path.remove(path.size() - 1);
  }

  private void walkObject(
      JsonNode object, FieldPath at, List<String> path, List<List<String>> out) {
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      walkField(entry.getKey(), entry.getValue(), at, path, out);
    }
  }

  /** Whether every item of a merged list is an object carrying the list's merge key. */
  boolean keyed(JsonNode list, FieldPath at) {
    String key = schema.strategyFor(at).mergeKey();
    for (JsonNode item : list) {
      if (!item.isObject() || item.get(key) == null || item.get(key).isNull()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The value at {@code path} in {@code root} (the list item for a path ending in "."), or null.
   */
  public static JsonNode valueAt(JsonNode root, List<String> path) {
    JsonNode at = root;
    for (String element : path) {
      if (at == null || element.equals(FieldSet.SELF)) {
        return at;
      }
      at = step(at, element);
    }
    return at;
  }

  private static JsonNode step(JsonNode at, String element) {
    if (FieldPaths.isField(element)) {
      return at.isObject() ? at.get(FieldPaths.fieldName(element)) : null;
    }
    int index = indexIn(at, element);
    return index < 0 ? null : at.get(index);
  }

  /** The index of the item a {@code k:} or {@code v:} element names in a list, or -1. */
  private static int indexIn(JsonNode list, String element) {
    if (!list.isArray()) {
      return -1;
    }
    JsonNode wanted = FieldPaths.json(element);
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (FieldPaths.isValue(element) ? item.equals(wanted) : matches(item, wanted)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean matches(JsonNode item, JsonNode keys) {
    if (!item.isObject()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> key : keys.properties()) {
      JsonNode value = item.get(key.getKey());
      if (value == null || !sameScalar(value, key.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** Key values compare as JSON, with {@code 80} and {@code 80.0} the same number. */
  private static boolean sameScalar(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  /**
   * Removes what {@code path} names from {@code root}: a field, a list item (a path ending in a
   * {@code k:} element or in "."), or a set value. Does nothing when it is not there.
   */
  public static void remove(ObjectNode root, List<String> path) {
    List<String> target = FieldSet.withoutSelf(path);
    if (target.isEmpty()) {
      return;
    }
    JsonNode parent = valueAt(root, target.subList(0, target.size() - 1));
    String last = target.get(target.size() - 1);
    if (parent instanceof ObjectNode object && FieldPaths.isField(last)) {
      object.remove(FieldPaths.fieldName(last));
    } else if (parent instanceof ArrayNode list) {
      int index = indexIn(list, last);
      if (index >= 0) {
        list.remove(index);
      }
    }
  }
}
