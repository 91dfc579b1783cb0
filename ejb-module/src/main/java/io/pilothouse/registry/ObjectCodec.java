package io.pilothouse.registry;

import io.pilothouse.json.KubernetesJson;
import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.StoredObject;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts between the API's objects and the store's rows: the body is stored without {@code
 * metadata.resourceVersion}, which is the row's revision and is put back on every read; the indexed
 * fields (labels, owner uids, the kind's selectable fields) are taken from the object.
 */
public final class ObjectCodec {

  private ObjectCodec() {}

  /** The object a stored row holds, with its resourceVersion. */
  public static ObjectNode decode(StoredObject stored) {
    return decode(stored.body(), stored.modRevision());
  }

  /** A stored body with its resourceVersion set to {@code revision}. */
  public static ObjectNode decode(String body, long revision) {
    ObjectNode object = (ObjectNode) KubernetesJson.mapper().readTree(body);
    ObjectNodes.metadata(object).put("resourceVersion", Long.toString(revision));
    return object;
  }

  /** The body to store: the object without its resourceVersion. */
  public static String encode(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    ObjectNodes.metadata(copy).remove("resourceVersion");
    return KubernetesJson.mapper().writeValueAsString(copy);
  }

  /** What selectors may ask of this object: labels, owner uids and the kind's fields. */
  public static IndexedFields index(ResourceType type, ObjectNode object) {
    IndexedFields.Builder fields = IndexedFields.builder();
    Map<String, String> labels = ObjectNodes.stringMap(object, "metadata.labels");
    fields.labels(labels);
    JsonNode owners = ObjectNodes.at(object, "metadata.ownerReferences");
    if (owners != null && owners.isArray()) {
      for (JsonNode owner : owners) {
        String uid = ObjectNodes.text(owner, "uid");
        if (uid != null) {
          fields.owner(uid);
        }
      }
    }
    type.strategy().indexFields(object, fields);
    return fields.build();
  }
}
