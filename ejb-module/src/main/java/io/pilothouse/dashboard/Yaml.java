package io.pilothouse.dashboard;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** YAML in and out for the dashboard's YAML views and editor. */
public final class Yaml {

  private static final YAMLMapper MAPPER =
      YAMLMapper.builder()
          .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
          .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
          .build();

  private Yaml() {}

  /**
   * The object as YAML, without {@code metadata.managedFields}, as {@code kubectl get -o yaml}
   * shows it (server-side apply's bookkeeping; an edit that sends it back changes nothing).
   */
  public static String write(JsonNode object) {
    JsonNode metadata = object.get("metadata");
    if (metadata != null && metadata.has("managedFields")) {
      ObjectNode copy = (ObjectNode) object.deepCopy();
      ((ObjectNode) copy.get("metadata")).remove("managedFields");
      return MAPPER.writeValueAsString(copy);
    }
    return MAPPER.writeValueAsString(object);
  }

  /**
   * Parses one YAML object.
   *
   * @throws StatusException 400 when the text is not YAML or not a mapping
   */
  public static ObjectNode read(String text) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text == null ? "" : text);
    } catch (JacksonException e) {
      throw new StatusException(
          400, StatusReasons.BAD_REQUEST, "The YAML could not be read: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      throw new StatusException(
          400, StatusReasons.BAD_REQUEST, "The YAML must describe one object (a mapping)");
    }
    return object;
  }
}
