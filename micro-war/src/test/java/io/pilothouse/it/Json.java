package io.pilothouse.it;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reading response bodies in tests. */
public final class Json {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  /** The text at a dotted path of a JSON document, or null. */
  public static String path(String json, String path) {
    JsonNode node = MAPPER.readTree(json);
    for (String part : path.split("\\.")) {
      node = node.path(part);
    }
    return node.isMissingNode() || node.isNull() ? null : node.asString();
  }

  /** A ConfigMap document with its {@code data.key} replaced. */
  public static String withData(String json, String value) {
    ObjectNode node = (ObjectNode) MAPPER.readTree(json);
    ((ObjectNode) node.path("data")).put("key", value);
    return MAPPER.writeValueAsString(node);
  }

  /** Parses a document. */
  public static JsonNode parse(String json) {
    return MAPPER.readTree(json);
  }
}
