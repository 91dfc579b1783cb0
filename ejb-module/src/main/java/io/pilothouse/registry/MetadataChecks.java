package io.pilothouse.registry;

import io.pilothouse.registry.validation.FieldError;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** Validation of {@code metadata} that every kind shares: a name is required. */
final class MetadataChecks {

  private MetadataChecks() {}

  static List<FieldError> validate(ResourceType type, ObjectNode metadata) {
    List<FieldError> errors = new ArrayList<>();
    String name = metadata.has("name") ? metadata.get("name").asString() : "";
    if (name.isEmpty()) {
      errors.add(FieldError.required("metadata.name"));
    }
    return errors;
  }
}
