package io.pilothouse.registry;

import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.ObjectMetaValidation;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validation of {@code metadata} that every kind shares (name format by the kind's rule, labels,
 * annotations, finalizers), and on update the identity fields that may not change.
 */
final class MetadataChecks {

  private MetadataChecks() {}

  static List<FieldError> validate(ResourceType type, ObjectNode metadata) {
    return ObjectMetaValidation.validateObjectMeta(
        metadata, type.namespaced(), type.strategy().nameRule());
  }

  static List<FieldError> validateUpdate(ResourceType type, ObjectNode metadata, ObjectNode old) {
    return ObjectMetaValidation.validateObjectMetaUpdate(metadata, old);
  }
}
