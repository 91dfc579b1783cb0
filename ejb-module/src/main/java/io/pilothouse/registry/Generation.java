package io.pilothouse.registry;

import tools.jackson.databind.JsonNode;
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
    JsonNode oldGeneration = old.path("metadata").get("generation");
    if (!specOf(object).equals(specOf(old))) {
      long generation = oldGeneration == null ? 1 : oldGeneration.asLong(1);
      ObjectNodes.metadata(object).put("generation", generation + 1);
    } else if (oldGeneration != null) {
      // the old node itself, not an equal number: an unchanged object must stay equal to the old
      // one (a LongNode is not equal to the IntNode read from the store), or a no-op write would
      // be stored as a new revision
      ObjectNodes.metadata(object).set("generation", oldGeneration.deepCopy());
    } else {
      ObjectNodes.metadata(object).put("generation", 1);
    }
  }

  private static ObjectNode specOf(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    copy.remove("metadata");
    copy.remove("status");
    return copy;
  }
}
