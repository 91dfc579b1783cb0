package io.pilothouse.openapi;

import io.pilothouse.json.KubernetesJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * A group, version and kind, as the {@code x-kubernetes-group-version-kind} extension writes it:
 * kubectl matches operations and schemas to a manifest's {@code apiVersion} and {@code kind} by it.
 */
record Gvk(String group, String version, String kind) {

  /** {@code {"group": ..., "kind": ..., "version": ...}}, keys in upstream's order. */
  ObjectNode toNode() {
    ObjectNode node = KubernetesJson.mapper().createObjectNode();
    return node.put("group", group).put("kind", kind).put("version", version);
  }
}
