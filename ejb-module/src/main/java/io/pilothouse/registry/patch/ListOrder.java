package io.pilothouse.registry.patch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The element order of a merged list, as apimachinery's {@code normalizeElementOrder}: the elements
 * the patch names come in the patch's order (or its {@code $setElementOrder}), the elements only
 * the server had keep their relative order and are interleaved where they stood in the live list.
 * Elements are identified by their merge key, or by value in lists of primitives.
 */
final class ListOrder {

  private final Function<JsonNode, JsonNode> identity;

  private ListOrder(Function<JsonNode, JsonNode> identity) {
    this.identity = identity;
  }

  /** Identifies list elements by the value of {@code mergeKey}, or by value when it is null. */
  static ListOrder byKey(String mergeKey) {
    return new ListOrder(mergeKey == null ? ListOrder::canonical : e -> canonical(e.get(mergeKey)));
  }

  /** A value as Go compares it after decoding: numbers by value, so {@code 80} is {@code 80.0}. */
  static JsonNode canonical(JsonNode value) {
    if (value == null || !value.isNumber()) {
      return value;
    }
    return DecimalNode.valueOf(value.decimalValue().stripTrailingZeros());
  }

  JsonNode identityOf(JsonNode element) {
    return identity.apply(element);
  }

  /**
   * Orders {@code merged}: elements named in {@code patchOrder} by that order, the others by {@code
   * serverOrder}, interleaved as they stood in {@code serverOrder}.
   */
  ArrayNode normalize(
      List<JsonNode> merged, Iterable<JsonNode> patchOrder, Iterable<JsonNode> serverOrder) {
    Map<JsonNode, Integer> patchIndex = indexOf(patchOrder);
    Map<JsonNode, Integer> serverIndex = indexOf(serverOrder);
    List<JsonNode> patchItems = new ArrayList<>();
    List<JsonNode> serverOnly = new ArrayList<>();
    for (JsonNode element : merged) {
      (patchIndex.containsKey(identityOf(element)) ? patchItems : serverOnly).add(element);
    }
    patchItems.sort(byIndexIn(patchIndex));
    serverOnly.sort(byIndexIn(serverIndex));
    return interleave(serverOnly, patchItems, serverIndex);
  }

  /**
   * apimachinery's {@code mergeSortedSlice}: walks both lists, taking a server-only element first
   * only when both it and the next patch element stood in the live list and it stood earlier.
   */
  private ArrayNode interleave(
      List<JsonNode> serverOnly, List<JsonNode> patchItems, Map<JsonNode, Integer> serverIndex) {
    ArrayNode result = JsonNodeFactory.instance.arrayNode(serverOnly.size() + patchItems.size());
    int i = 0;
    int j = 0;
    while (i < serverOnly.size() || j < patchItems.size()) {
      if (j >= patchItems.size()) {
        result.add(serverOnly.get(i++));
      } else if (i >= serverOnly.size()
          || !before(serverOnly.get(i), patchItems.get(j), serverIndex)) {
        result.add(patchItems.get(j++));
      } else {
        result.add(serverOnly.get(i++));
      }
    }
    return result;
  }

  private boolean before(JsonNode left, JsonNode right, Map<JsonNode, Integer> serverIndex) {
    Integer l = serverIndex.get(identityOf(left));
    Integer r = serverIndex.get(identityOf(right));
    return l != null && r != null && l < r;
  }

  private Comparator<JsonNode> byIndexIn(Map<JsonNode, Integer> index) {
    return Comparator.comparingInt(e -> index.getOrDefault(identityOf(e), Integer.MAX_VALUE));
  }

  private Map<JsonNode, Integer> indexOf(Iterable<JsonNode> elements) {
    Map<JsonNode, Integer> index = new HashMap<>();
    int position = 0;
    for (JsonNode element : elements) {
      JsonNode id = identityOf(element);
      if (id != null) {
        index.putIfAbsent(id, position);
      }
      position++;
    }
    return index;
  }
}
