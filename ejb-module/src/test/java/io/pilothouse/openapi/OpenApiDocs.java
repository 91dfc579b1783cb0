package io.pilothouse.openapi;

import io.pilothouse.registry.ResourceTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Shared fixtures of the OpenAPI tests: the documents of the real catalog, and tree walks. */
final class OpenApiDocs {

  static final ResourceTypes TYPES = new ResourceTypes();
  static final OpenApiV3 V3 = new OpenApiV3(TYPES);
  static final OpenApiV2 V2 = new OpenApiV2(TYPES);

  static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

  private OpenApiDocs() {}

  /** The v3 document of one group version; fails if there is none. */
  static ObjectNode v3(String path) {
    return V3.document(path).orElseThrow(() -> new AssertionError("no document " + path));
  }

  /** Every {@code $ref} target below {@code node}, with the given prefix removed. */
  static Set<String> refs(JsonNode node, String prefix) {
    Set<String> refs = new TreeSet<>();
    collect(node, prefix, refs);
    return refs;
  }

  private static void collect(JsonNode node, String prefix, Set<String> into) {
    if (node.isObject() && node.get("$ref") != null) {
      String ref = node.get("$ref").asString();
      if (!ref.startsWith(prefix)) {
        throw new AssertionError("$ref " + ref + " outside " + prefix);
      }
      into.add(ref.substring(prefix.length()));
    }
    for (JsonNode child : node.values()) {
      collect(child, prefix, into);
    }
  }

  /** The operations (method objects) of a paths object, each with its path. */
  static List<Operation> operations(JsonNode paths) {
    List<Operation> operations = new ArrayList<>();
    for (var path : paths.properties()) {
      for (String method : METHODS) {
        JsonNode operation = path.getValue().get(method);
        if (operation != null) {
          operations.add(new Operation(path.getKey(), method, operation));
        }
      }
    }
    return operations;
  }

  /** The names of an operation's own parameters. */
  static List<String> parameterNames(JsonNode operation) {
    List<String> names = new ArrayList<>();
    JsonNode parameters = operation.get("parameters");
    if (parameters != null) {
      parameters.forEach(p -> names.add(p.get("name").asString()));
    }
    return names;
  }

  /** One operation of a document. */
  record Operation(String path, String method, JsonNode node) {}
}
