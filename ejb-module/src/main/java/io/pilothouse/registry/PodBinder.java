package io.pilothouse.registry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code pods/binding}: assigns a pending pod to a node for the scheduler, setting {@code
 * spec.nodeName} and the {@code PodScheduled=True} condition in one write. A pod that is already
 * bound, or being deleted, refuses with 409 Conflict.
 */
final class PodBinder {

  private final RegistryContext ctx;

  PodBinder(RegistryContext ctx) {
    this.ctx = ctx;
  }

  ObjectNode bind(ResourceType pods, String namespace, String name, ObjectNode binding) {
    String node = ObjectNodes.text(binding, "target.name");
    if (node == null || node.isEmpty()) {
      throw RegistryErrors.badRequest("Binding target.name is required");
    }
    ObjectNode old = new ObjectReader(ctx).get(pods, namespace, name);
    String uid = ObjectNodes.text(binding, "metadata.uid");
    if (uid != null && !uid.equals(ObjectNodes.text(old, "metadata.uid"))) {
      throw RegistryErrors.preconditionFailed(pods, name, "UID mismatch");
    }
    String current = ObjectNodes.text(old, "spec.nodeName");
    if (current != null && !current.isEmpty()) {
      throw RegistryErrors.conflictWith(
          pods, name, "pod " + name + " is already assigned to node \"" + current + "\"");
    }
    if (ObjectNodes.text(old, "metadata.deletionTimestamp") != null) {
      throw RegistryErrors.conflictWith(
          pods, name, "pod " + name + " is being deleted, cannot be assigned to a host");
    }
    ObjectNode pod = old.deepCopy();
    ObjectNodes.objectAt(pod, "spec").put("nodeName", node);
    setScheduled(pod);
    return new ObjectUpdater(ctx).writeRaw(pods, old, pod);
  }

  private void setScheduled(ObjectNode pod) {
    ObjectNode status = ObjectNodes.objectAt(pod, "status");
    JsonNode existing = status.get("conditions");
    ArrayNode conditions =
        existing instanceof ArrayNode array ? array : status.putArray("conditions");
    for (int i = conditions.size() - 1; i >= 0; i--) {
      if ("PodScheduled".equals(conditions.get(i).path("type").asString(""))) {
        conditions.remove(i);
      }
    }
    ObjectNode condition = conditions.addObject();
    condition.put("type", "PodScheduled");
    condition.put("status", "True");
    condition.putNull("lastProbeTime");
    condition.put("lastTransitionTime", ObjectMetaWriter.timestamp(ctx.now()));
  }
}
