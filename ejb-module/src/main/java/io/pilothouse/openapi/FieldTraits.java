package io.pilothouse.openapi;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What k8s.io/api says about one field beyond its Java type: its list and map semantics ({@code
 * +listType=map}, {@code +listMapKey=name}, {@code +mapType=atomic}), its strategic merge patch
 * tags ({@code patchStrategy:"merge" patchMergeKey:"name"}), and a schema its fabric8 type hides (a
 * {@code metav1.Time} held as a {@code String}, a {@code []byte} held as a {@code String}). kubectl
 * apply computes its strategic merge patches from these extensions, so they must say exactly what
 * the server's patch code does.
 *
 * @param listType {@code atomic}, {@code set} or {@code map}, or null
 * @param mapKeys the {@code x-kubernetes-list-map-keys} of a {@code map} list
 * @param mergeKey the {@code x-kubernetes-patch-merge-key}, or null
 * @param strategy the {@code x-kubernetes-patch-strategy} ({@code merge}, {@code
 *     merge,retainKeys}...), or null
 * @param mapType {@code atomic} or {@code granular}, or null
 * @param ref the schema the field really has ({@code ...meta.v1.Time}), or null
 * @param format {@code byte} for base64 strings, {@code mapbyte} for maps of them, or null
 */
record FieldTraits(
    String listType,
    List<String> mapKeys,
    String mergeKey,
    String strategy,
    String mapType,
    String ref,
    String format) {

  static final FieldTraits NONE = new FieldTraits(null, List.of(), null, null, null, null, null);

  /** Parses {@code list=map;keys=name,protocol;merge=name;strategy=merge}. */
  static FieldTraits parse(String spec) {
    String list = null;
    List<String> keys = List.of();
    String merge = null;
    String strategy = null;
    String map = null;
    String ref = null;
    String format = null;
    for (String item : spec.split(";")) {
      String[] kv = item.split("=", 2);
      switch (kv[0]) {
        case "list" -> list = kv[1];
        case "keys" -> keys = List.of(kv[1].split(","));
        case "merge" -> merge = kv[1];
        case "strategy" -> strategy = kv[1];
        case "map" -> map = kv[1];
        case "ref" -> ref = UpstreamTraits.expand(kv[1]);
        case "format" -> format = kv[1];
        default -> throw new IllegalArgumentException("unknown trait " + item);
      }
    }
    return new FieldTraits(list, keys, merge, strategy, map, ref, format);
  }

  /** Adds the {@code x-kubernetes-*} extensions, in upstream's (alphabetical) order. */
  void writeExtensions(ObjectNode schema) {
    if (!mapKeys.isEmpty()) {
      ArrayNode keys = schema.putArray("x-kubernetes-list-map-keys");
      mapKeys.forEach(keys::add);
    }
    putIfSet(schema, "x-kubernetes-list-type", listType);
    putIfSet(schema, "x-kubernetes-map-type", mapType);
    putIfSet(schema, "x-kubernetes-patch-merge-key", mergeKey);
    putIfSet(schema, "x-kubernetes-patch-strategy", strategy);
  }

  private static void putIfSet(ObjectNode schema, String name, String value) {
    if (value != null) {
      schema.put(name, value);
    }
  }
}
