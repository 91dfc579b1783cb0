package io.pilothouse.registry.patch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the lists of a strategic merge patch whose field has {@code patchStrategy: merge}: lists
 * of objects element-wise by merge key (with {@code $patch: delete} and {@code $patch: replace}
 * elements), lists of primitives as a set union; and applies {@code $setElementOrder/<field>}, the
 * order kubectl apply sends for the lists it patches. Follows apimachinery's {@code mergeSlice} and
 * {@code mergePatchIntoOriginal}.
 */
final class StrategicListMerge {

  private enum Elements {
    NONE,
    PRIMITIVES,
    OBJECTS
  }

  private final StrategicMergePatch maps;
  private final PatchSchema schema;

  StrategicListMerge(StrategicMergePatch maps, PatchSchema schema) {
    this.maps = maps;
    this.schema = schema;
  }

  /**
   * A merged list before it is ordered: its elements, the order the patch names them in, and the
   * live order that places the elements only the server had.
   */
  private record Merged(
      List<JsonNode> elements,
      List<JsonNode> patchOrder,
      List<JsonNode> live,
      boolean deletedOrAppendedInPlace) {}

  ArrayNode merge(ArrayNode original, ArrayNode patch, FieldStrategy strategy, FieldPath path) {
    Merged merged = mergeUnordered(original, patch, strategy, path);
    if (merged == null) {
      return original;
    }
    return ListOrder.byKey(mergeKeyOf(merged, strategy))
        .normalize(merged.elements(), merged.patchOrder(), merged.live());
  }

  /** The merge of both lists, or null when both are empty. */
  private Merged mergeUnordered(
      ArrayNode original, ArrayNode patch, FieldStrategy strategy, FieldPath path) {
    Elements elements = elementsOf(path, original, patch);
    if (elements == Elements.NONE) {
      return null;
    }
    if (elements == Elements.PRIMITIVES) {
      Map<JsonNode, JsonNode> union = new LinkedHashMap<>();
      original.forEach(e -> union.putIfAbsent(ListOrder.canonical(e), e));
      patch.forEach(e -> union.putIfAbsent(ListOrder.canonical(e), e));
      return new Merged(new ArrayList<>(union.values()), list(patch), list(original), false);
    }
    if (!strategy.mergesByKey()) {
      throw PatchException.unprocessable(
          "strategic merge patch: " + path + " is a list of primitives, got objects");
    }
    return mergeObjects(original, patch, strategy.mergeKey(), path);
  }

  private static String mergeKeyOf(Merged merged, FieldStrategy strategy) {
    return merged.elements().stream().anyMatch(JsonNode::isObject) ? strategy.mergeKey() : null;
  }

  private Merged mergeObjects(
      ArrayNode original, ArrayNode patch, String mergeKey, FieldPath path) {
    ListOrder order = ListOrder.byKey(mergeKey);
    List<JsonNode> merged = list(original);
    List<JsonNode> plain = new ArrayList<>();
    boolean replace = false;
    for (JsonNode element : patch) {
      String directive = Directives.patchDirective(element, path);
      if (directive == null) {
        plain.add(element);
      } else if (directive.equals(Directives.DELETE)) {
        JsonNode key = ListOrder.canonical(requireKey(element, mergeKey, path));
        merged.removeIf(e -> key.equals(order.identityOf(e)));
      } else if (directive.equals(Directives.REPLACE)) {
        replace = true;
      } else if (directive.equals(Directives.MERGE)) {
        throw PatchException.malformed(
            "strategic merge patch: $patch: merge is not supported in list " + path);
      } else {
        throw Directives.unknownDirective(directive, path);
      }
    }
    if (replace) {
      List<JsonNode> replacement = list(Directives.strip(patch, path));
      return new Merged(replacement, List.of(), replacement, false);
    }
    List<JsonNode> live = new ArrayList<>(merged);
    for (JsonNode element : plain) {
      JsonNode key = ListOrder.canonical(requireKey(element, mergeKey, path));
      mergeElement(merged, (ObjectNode) element, order, key, path);
    }
    return new Merged(merged, plain, live, true);
  }

  private void mergeElement(
      List<JsonNode> merged, ObjectNode element, ListOrder order, JsonNode key, FieldPath path) {
    for (int i = 0; i < merged.size(); i++) {
      if (key.equals(order.identityOf(merged.get(i)))) {
        merged.set(i, maps.mergeMap((ObjectNode) merged.get(i), element, path));
        return;
      }
    }
    merged.add(Directives.strip(element, path));
  }

  /**
   * Handles every {@code $setElementOrder/<field>} of {@code patch}: merges the field's list (if
   * the patch has one) and orders the result as listed, server-only elements interleaved where they
   * stood. The handled directives and lists are removed from {@code patch}.
   */
  void applySetElementOrder(ObjectNode original, ObjectNode patch, FieldPath path) {
    for (String key : new ArrayList<>(patch.propertyNames())) {
      if (key.startsWith(Directives.SET_ELEMENT_ORDER)) {
        String field = Directives.fieldOf(key, Directives.SET_ELEMENT_ORDER, path);
        JsonNode order = patch.remove(key);
        if (!order.isArray()) {
          throw PatchException.malformed(
              "strategic merge patch: " + key + " at " + path + " must be a list, got " + order);
        }
        orderField(original, patch, field, (ArrayNode) order, path.child(field));
      }
    }
  }

  private void orderField(
      ObjectNode original, ObjectNode patch, String field, ArrayNode order, FieldPath path) {
    JsonNode originalList = original.get(field);
    JsonNode patchList = patch.get(field);
    if ((originalList != null && !originalList.isArray())
        || (patchList != null && !patchList.isArray())) {
      return; // a type change or a deletion: the field is replaced as it stands in the patch
    }
    FieldStrategy strategy = schema.strategyFor(path);
    Elements elements = elementsOf(path, order, (ArrayNode) originalList, (ArrayNode) patchList);
    if (elements == Elements.OBJECTS && !strategy.mergesByKey()) {
      return; // no merge key to order by: the list is replaced as it stands in the patch
    }
    String mergeKey = elements == Elements.OBJECTS ? strategy.mergeKey() : null;
    validateOrder((ArrayNode) patchList, order, mergeKey, path);
    List<JsonNode> merged;
    List<JsonNode> live = originalList == null ? List.of() : list(originalList);
    if (patchList == null) {
      if (originalList == null) {
        return;
      }
      merged = live;
    } else if (originalList == null || !strategy.merge()) {
      merged = list(Directives.strip(patchList, path));
    } else {
      Merged m = mergeUnordered((ArrayNode) originalList, (ArrayNode) patchList, strategy, path);
      merged = m == null ? List.of() : m.elements();
      if (m != null && m.deletedOrAppendedInPlace()) {
        // Upstream orders by its live slice after mergeSlice has deleted from it and appended to
        // it in place (Go slice aliasing); the same window keeps server-only elements where
        // kubectl users see them land.
        live = m.elements().subList(0, Math.min(live.size(), m.elements().size()));
      }
    }
    patch.remove(field);
    original.set(field, ListOrder.byKey(mergeKey).normalize(merged, order, live));
  }

  /**
   * apimachinery's {@code validatePatchWithSetOrderList}: the patch's elements (deletions aside)
   * must all be listed in {@code $setElementOrder}, in the same relative order.
   */
  private static void validateOrder(
      ArrayNode patchList, ArrayNode order, String mergeKey, FieldPath path) {
    if (patchList == null || patchList.isEmpty() || order.isEmpty()) {
      return;
    }
    int p = 0;
    int o = 0;
    while (p < patchList.size() && o < order.size()) {
      JsonNode element = patchList.get(p);
      if (Directives.patchDirective(element, path) != null) {
        p++;
        continue;
      }
      if (identity(element, mergeKey, path).equals(identity(order.get(o), mergeKey, path))) {
        p++;
      }
      o++;
    }
    while (p < patchList.size() && Directives.patchDirective(patchList.get(p), path) != null) {
      p++;
    }
    if (p < patchList.size()) {
      throw PatchException.malformed(
          "strategic merge patch: the elements of "
              + path
              + " are not all listed, in the same order, in $setElementOrder/"
              + path.name());
    }
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> list = new ArrayList<>(array.size());
    array.forEach(list::add);
    return list;
  }

  private static JsonNode identity(JsonNode element, String mergeKey, FieldPath path) {
    return ListOrder.canonical(mergeKey == null ? element : requireKey(element, mergeKey, path));
  }

  private static JsonNode requireKey(JsonNode element, String mergeKey, FieldPath path) {
    JsonNode key = element.isObject() ? element.get(mergeKey) : null;
    if (key == null || key.isNull()) {
      throw PatchException.malformed(
          "strategic merge patch: an element of "
              + path
              + " lacks its merge key \""
              + mergeKey
              + "\": "
              + element);
    }
    return key;
  }

  /** What the lists hold; lists of lists and mixed lists cannot be merged. */
  private static Elements elementsOf(FieldPath path, ArrayNode... lists) {
    Elements found = Elements.NONE;
    for (ArrayNode list : lists) {
      for (JsonNode element : list == null ? List.<JsonNode>of() : list.values()) {
        if (element.isArray()) {
          throw PatchException.unprocessable(
              "strategic merge patch: lists of lists are not supported (" + path + ")");
        }
        Elements kind = element.isObject() ? Elements.OBJECTS : Elements.PRIMITIVES;
        if (found != Elements.NONE && found != kind) {
          throw PatchException.unprocessable(
              "strategic merge patch: the elements of " + path + " are not all of one type");
        }
        found = kind;
      }
    }
    return found;
  }
}
