package io.pilothouse.registry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finalizers hold a deleted object until the controllers that own them let go: an object with a
 * deletionTimestamp is removed from the store when its last finalizer (and, for namespaces, the
 * last {@code spec.finalizers} entry) is gone.
 */
public final class Finalizers {

  public static final String ORPHAN = "orphan";
  public static final String FOREGROUND_DELETION = "foregroundDeletion";

  private Finalizers() {}

  /** Whether a deleted object has nothing left holding it. */
  static boolean readyToDelete(ResourceType type, ObjectNode object) {
    return ObjectNodes.text(object, "metadata.deletionTimestamp") != null
        && isEmpty(ObjectNodes.at(object, "metadata.finalizers"))
        && !holdsDeletion(type, object);
  }

  /** Adds a finalizer to {@code metadata.finalizers} unless there. */
  static void add(ObjectNode object, String finalizer) {
    ObjectNode metadata = ObjectNodes.metadata(object);
    JsonNode existing = metadata.get("finalizers");
    ArrayNode list = existing instanceof ArrayNode array ? array : metadata.putArray("finalizers");
    for (JsonNode entry : list) {
      if (finalizer.equals(entry.asString())) {
        return;
      }
    }
    list.add(finalizer);
  }

  /**
   * Pods in a grace period wait for the kubelet to confirm (a delete with grace 0); namespaces wait
   * for their spec finalizers.
   */
  private static boolean holdsDeletion(ResourceType type, ObjectNode object) {
    if (!type.group().isEmpty()) {
      return false;
    }
    return switch (type.resource()) {
      case "pods" -> object.path("metadata").path("deletionGracePeriodSeconds").asLong(0) > 0;
      case "namespaces" -> !isEmpty(ObjectNodes.at(object, "spec.finalizers"));
      default -> false;
    };
  }

  private static boolean isEmpty(JsonNode list) {
    return list == null || !list.isArray() || list.isEmpty();
  }
}
