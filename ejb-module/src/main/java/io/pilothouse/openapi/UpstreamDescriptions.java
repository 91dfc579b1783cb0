package io.pilothouse.openapi;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Short descriptions, for {@code kubectl explain}, of the served kinds, of the types they reach and
 * of their most used fields: the first sentence of upstream's Go doc comment (see {@link
 * UpstreamDescriptionTable}). Fields without one are described by nothing, and kubectl explain
 * prints {@code <no description>} for them.
 */
final class UpstreamDescriptions {

  private static final Map<String, String> BY_FIELD = new HashMap<>();

  /** The fields every kind has, which Go declares once, in the embedded TypeMeta and ObjectMeta. */
  private static final Map<String, String> COMMON =
      Map.of(
          "apiVersion",
          "APIVersion defines the versioned schema of this representation of an object.",
          "kind",
          "Kind is a string value representing the REST resource this object represents.",
          "metadata",
          "Standard object's metadata.");

  static {
    UpstreamDescriptionTable.TABLE
        .lines()
        .map(line -> line.split(" ", 3))
        .forEach(
            cols ->
                BY_FIELD.put(
                    UpstreamTraits.expand(cols[0]) + "|" + (cols[1].equals("-") ? "" : cols[1]),
                    cols[2]));
  }

  private UpstreamDescriptions() {}

  /** The description of {@code field} of {@code schema} ({@code ""}: of the type itself). */
  static Optional<String> of(String schema, String field) {
    return Optional.ofNullable(BY_FIELD.get(schema + "|" + field));
  }

  /**
   * Describes a kind's {@code apiVersion}, {@code kind} and {@code metadata} properties where
   * nothing described them yet.
   */
  static void describeKind(ObjectNode schema) {
    JsonNode properties = schema.get("properties");
    if (properties == null) {
      return;
    }
    COMMON.forEach(
        (field, description) -> {
          if (properties.get(field) instanceof ObjectNode property
              && !property.has("description")) {
            property.put("description", description);
          }
        });
  }
}
