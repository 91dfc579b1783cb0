package io.pilothouse.registry;

import io.pilothouse.json.KubernetesJson;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code scale} subresource's {@code autoscaling/v1 Scale} view of a Deployment or ReplicaSet:
 * desired and current replicas and the selector as a string, as {@code kubectl scale} and the
 * HorizontalPodAutoscaler read them.
 */
public final class Scales {

  private Scales() {}

  /** The Scale of a scalable object. */
  public static ObjectNode of(ObjectNode object) {
    ObjectNode scale = KubernetesJson.mapper().createObjectNode();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    ObjectNode metadata = scale.putObject("metadata");
    for (String field :
        new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
      JsonNode value = object.path("metadata").get(field);
      if (value != null) {
        metadata.set(field, value.deepCopy());
      }
    }
    scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(1));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", object.path("status").path("replicas").asInt(0));
    status.put("selector", selector(object.path("spec").path("selector")));
    return scale;
  }

  /**
   * The object with the replicas a Scale asks for (and its resourceVersion as a precondition). A
   * Scale without {@code spec.replicas} asks for 0: Go clients omit the zero value ({@code
   * omitempty}), so {@code kubectl scale --current-replicas=N --replicas=0} sends {@code spec: {}}.
   */
  public static ObjectNode apply(ObjectNode object, ObjectNode scale) {
    ObjectNode updated = object.deepCopy();
    JsonNode replicas = scale.path("spec").path("replicas");
    ObjectNodes.objectAt(updated, "spec")
        .put("replicas", replicas.isNumber() ? replicas.asInt() : 0);
    String resourceVersion = ObjectNodes.text(scale, "metadata.resourceVersion");
    ObjectNodes.metadata(updated)
        .put("resourceVersion", resourceVersion == null ? "" : resourceVersion);
    return updated;
  }

  private static String selector(JsonNode selector) {
    Map<String, String> labels = ObjectNodes.stringMap(selector, "matchLabels");
    String matchLabels =
        labels.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
    StringBuilder out = new StringBuilder(matchLabels);
    for (JsonNode expression : selector.path("matchExpressions")) {
      if (!out.isEmpty()) {
        out.append(',');
      }
      out.append(expression(expression));
    }
    return out.toString();
  }

  private static String expression(JsonNode expression) {
    String key = expression.path("key").asString("");
    String values =
        String.join(
            ",",
            java.util.stream.StreamSupport.stream(expression.path("values").spliterator(), false)
                .map(JsonNode::asString)
                .toList());
    return switch (expression.path("operator").asString("")) {
      case "In" -> key + " in (" + values + ")";
      case "NotIn" -> key + " notin (" + values + ")";
      case "Exists" -> key;
      case "DoesNotExist" -> "!" + key;
      default -> key;
    };
  }
}
