package io.pilothouse.api.server;

import io.pilothouse.json.KubernetesJson;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Writes API responses in the representation the client asked for: JSON, or YAML on {@code Accept:
 * application/yaml}.
 */
public final class Representations {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final MediaType YAML_TYPE = new MediaType("application", "yaml");

  private Representations() {}

  /** Whether the client prefers YAML over JSON. */
  public static boolean wantsYaml(HttpHeaders headers) {
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if (type.getSubtype().equals("yaml")) {
        return true;
      }
      if (type.getSubtype().equals("json")) {
        return false;
      }
    }
    return false;
  }

  /** Whether the client asked for a server-side printed Table. */
  public static boolean wantsTable(HttpHeaders headers) {
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if ("Table".equals(type.getParameters().get("as"))) {
        return true;
      }
      if (type.getSubtype().equals("json") || type.getSubtype().equals("yaml")) {
        return false;
      }
    }
    return false;
  }

  /** A response with this status and body in the negotiated representation. */
  public static Response ok(int status, JsonNode body, HttpHeaders headers) {
    if (wantsYaml(headers)) {
      return encoded(status, YAML_TYPE, YAML.writeValueAsBytes(body));
    }
    return encoded(
        status, MediaType.APPLICATION_JSON_TYPE, KubernetesJson.mapper().writeValueAsBytes(body));
  }

  /**
   * A response of bytes already encoded, with their length: the container then sends it in one
   * write when the request ends. (The application turns Jersey's response buffering off so that
   * watch events leave at once; without a length every reply went out chunked, and a text entity's
   * writer flushed it to the socket before the final chunk: two writes a reply, 5 % of a create.)
   */
  public static Response encoded(int status, MediaType type, byte[] body) {
    return Response.status(status)
        .type(type)
        .header(HttpHeaders.CONTENT_LENGTH, body.length)
        .entity(body)
        .build();
  }
}
