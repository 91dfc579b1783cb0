package io.pilothouse.api.server;

import io.pilothouse.json.KubernetesJson;
import io.pilothouse.registry.ObjectList;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Encodes a page of objects as a Kubernetes list ({@code PodList}...). */
public final class ListDocuments {

  private ListDocuments() {}

  public static ObjectNode of(ObjectList list) {
    ObjectNode doc = KubernetesJson.mapper().createObjectNode();
    doc.put("kind", list.type().listKind());
    doc.put("apiVersion", list.type().apiVersion());
    ObjectNode metadata = doc.putObject("metadata");
    metadata.put("resourceVersion", list.resourceVersion());
    if (list.continueToken() != null) {
      metadata.put("continue", list.continueToken());
    }
    if (list.remainingItemCount() != null) {
      metadata.put("remainingItemCount", list.remainingItemCount());
    }
    ArrayNode items = doc.putArray("items");
    list.items().forEach(items::add);
    return doc;
  }
}
