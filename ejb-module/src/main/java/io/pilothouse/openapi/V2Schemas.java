package io.pilothouse.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the OpenAPI v3 schemas of the {@link SchemaCatalog} into Swagger 2.0 definitions as
 * kube-apiserver writes them: {@code allOf: [{$ref}]} becomes a plain {@code $ref} into {@code
 * #/definitions/}, and {@code Quantity} and {@code IntOrString}, which v3 writes as {@code oneOf},
 * become strings (the latter of format {@code int-or-string}), as Swagger 2.0 has no {@code oneOf}.
 */
final class V2Schemas {

  private V2Schemas() {}

  /** The definition of the schema {@code name}, a converted copy of its v3 form. */
  static ObjectNode definition(String name, ObjectNode v3) {
    ObjectNode copy = v3.deepCopy();
    if (name.equals(SchemaNames.QUANTITY) || name.equals(SchemaNames.INT_OR_STRING)) {
      copy.remove(List.of("oneOf", "x-kubernetes-int-or-string"));
      copy.put("type", "string");
      return copy;
    }
    convert(copy);
    return copy;
  }

  private static void convert(JsonNode node) {
    if (node instanceof ObjectNode object) {
      unwrapAllOf(object);
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isString()) {
        String target = ref.asString().substring(SchemaCatalog.REF_PREFIX.length());
        object.put("$ref", V2Renderer.ref(target));
      }
    }
    if (node.isContainer()) {
      List<JsonNode> children = new ArrayList<>();
      node.values().forEach(children::add);
      children.forEach(V2Schemas::convert);
    }
  }

  /** {@code {"allOf": [{"$ref": r}], ...}} to {@code {"$ref": r, ...}}. */
  private static void unwrapAllOf(ObjectNode object) {
    if (object.get("allOf") instanceof ArrayNode allOf
        && allOf.size() == 1
        && allOf.get(0).size() == 1
        && allOf.get(0).has("$ref")) {
      ObjectNode unwrapped = object.objectNode();
      unwrapped.set("$ref", allOf.get(0).get("$ref"));
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (!field.getKey().equals("allOf")) {
          unwrapped.set(field.getKey(), field.getValue());
        }
      }
      object.removeAll();
      object.setAll(unwrapped);
    }
  }
}
