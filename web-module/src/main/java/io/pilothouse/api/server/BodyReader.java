package io.pilothouse.api.server;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import io.pilothouse.json.KubernetesJson;
import io.pilothouse.protobuf.ProtobufDecodeException;
import io.pilothouse.protobuf.ProtobufDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads request bodies as kube-apiserver accepts them: JSON, YAML or Kubernetes protobuf, at most 3
 * MiB (413 beyond), one object (400 for anything malformed).
 */
public final class BodyReader {

  /** kube-apiserver's limit on a request body. */
  public static final int MAX_BYTES = 3 * 1024 * 1024;

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private BodyReader() {}

  /** The raw body as text, enforcing the size limit. */
  public static String text(InputStream in) {
    return new String(bytes(in), StandardCharsets.UTF_8);
  }

  /** The raw body, enforcing the size limit. */
  public static byte[] bytes(InputStream in) {
    try {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new StatusException(
            413,
            StatusReasons.REQUEST_ENTITY_TOO_LARGE,
            "Request entity too large: limit is " + MAX_BYTES);
      }
      return bytes;
    } catch (IOException e) {
      throw new StatusException(400, StatusReasons.BAD_REQUEST, "could not read the body: " + e);
    }
  }

  /** A body read as one object, with the fields it names twice (JSON only). */
  public record Body(ObjectNode object, java.util.List<String> duplicateFields) {}

  /** Reads a body as {@link #object} does, and finds the fields a JSON body names twice. */
  public static Body read(InputStream in, String contentType) {
    if (ProtobufDecoder.isProtobuf(contentType) || isYaml(contentType)) {
      return new Body(object(in, contentType), java.util.List.of());
    }
    String text = text(in);
    ObjectNode object = parse(text, contentType);
    return new Body(object, DuplicateFields.find(text));
  }

  /**
   * The body as one object: Kubernetes protobuf (as kubectl's typed clients send), YAML when the
   * content type says so, else JSON.
   */
  public static ObjectNode object(InputStream in, String contentType) {
    if (ProtobufDecoder.isProtobuf(contentType)) {
      try {
        return ProtobufDecoder.decode(bytes(in));
      } catch (ProtobufDecodeException e) {
        throw new StatusException(400, StatusReasons.BAD_REQUEST, e.getMessage());
      }
    }
    return parse(text(in), contentType);
  }

  private static ObjectNode parse(String text, String contentType) {
    requireSupported(contentType);
    if (text.isBlank()) {
      throw new StatusException(400, StatusReasons.BAD_REQUEST, "the request body is empty");
    }
    try {
      JsonNode node =
          isYaml(contentType) ? YAML.readTree(text) : KubernetesJson.mapper().readTree(text);
      if (!(node instanceof ObjectNode object)) {
        throw new StatusException(
            400, StatusReasons.BAD_REQUEST, "the request body is not a JSON object");
      }
      return object;
    } catch (JacksonException e) {
      throw new StatusException(
          400,
          StatusReasons.BAD_REQUEST,
          "the body of the request was in an unknown format - accepted media types include:"
              + " application/json, application/yaml ("
              + e.getOriginalMessage()
              + ")");
    }
  }

  /** 415 for bodies in a format this server does not read (protobuf, CBOR...). */
  public static void requireSupported(String contentType) {
    if (contentType == null) {
      return;
    }
    String type = contentType.toLowerCase(java.util.Locale.ROOT);
    if (!type.contains("json") && !type.contains("yaml")) {
      throw new StatusException(
          415,
          StatusReasons.UNSUPPORTED_MEDIA_TYPE,
          "the body of the request was in an unknown format - accepted media types include:"
              + " application/json, application/yaml");
    }
  }

  private static boolean isYaml(String contentType) {
    return contentType != null && contentType.toLowerCase().contains("yaml");
  }
}
