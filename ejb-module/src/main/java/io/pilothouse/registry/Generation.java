package io.pilothouse.registry;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@code metadata.generation}: for kinds that track it, a write that changes anything but metadata
 * and status increments it, so that controllers can report {@code observedGeneration}.
 */
final class Generation {

  private Generation() {}

  static void bumpIfSpecChanged(ResourceType type, ObjectNode object, ObjectNode old) {
    if (!type.strategy().tracksGeneration()) {
      return;
    }
    long generation = old.path("metadata").path("generation").asLong(1);
    if (!specOf(object).equals(specOf(old))) {
      generation++;
    }
    ObjectNodes.metadata(object).put("generation", generation);
  }

  private static ObjectNode specOf(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    copy.remove("metadata");
    copy.remove("status");
    return copy;
  }
}
