package io.pilothouse.dashboard;

import io.pilothouse.registry.ObjectNodes;
import io.pilothouse.registry.validation.Trees;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the pod detail page shows: the row, its containers and their states, conditions, the
 * environment with Secret-sourced values masked, the events about it, its owner and its YAML.
 */
public record PodDetail(
    PodRow row,
    List<ContainerState> containers,
    List<Condition> conditions,
    List<EnvVar> env,
    List<EventRow> events,
    String ownerKind,
    String ownerName,
    String yaml)
    implements Serializable {

  /** The value shown in place of a Secret's value. */
  public static final String MASK = "••••••";

  /**
   * One container: image, state (Running, Waiting: reason, Terminated: reason), ready, restarts.
   */
  public record ContainerState(
      String name, String image, String state, boolean ready, long restarts)
      implements Serializable {}

  /** One pod condition. */
  public record Condition(String type, String status, String reason, String message)
      implements Serializable {}

  /** One environment variable of a container; {@code secret} when its value is masked. */
  public record EnvVar(String container, String name, String value, boolean secret)
      implements Serializable {}

  static PodDetail of(JsonNode pod, List<EventRow> events, Instant now) {
    JsonNode owner = ObjectNodes.at(pod, "metadata.ownerReferences");
    JsonNode first = owner != null && owner.isArray() && !owner.isEmpty() ? owner.get(0) : null;
    return new PodDetail(
        PodRow.of(pod, now),
        containers(pod),
        conditions(pod),
        env(pod),
        events,
        first == null ? "" : PodRow.orEmpty(ObjectNodes.text(first, "kind")),
        first == null ? "" : PodRow.orEmpty(ObjectNodes.text(first, "name")),
        Yaml.write(pod));
  }

  private static List<ContainerState> containers(JsonNode pod) {
    Map<String, JsonNode> statuses = new HashMap<>();
    for (JsonNode status : Trees.items(ObjectNodes.at(pod, "status"), "containerStatuses")) {
      statuses.put(Trees.text(status, "name", ""), status);
    }
    List<ContainerState> result = new ArrayList<>();
    for (JsonNode container : Trees.items(ObjectNodes.at(pod, "spec"), "containers")) {
      String name = Trees.text(container, "name", "");
      JsonNode status = statuses.get(name);
      result.add(
          new ContainerState(
              name,
              Trees.text(container, "image", ""),
              stateOf(status),
              status != null && Trees.isTrue(status, "ready"),
              status == null ? 0 : status.path("restartCount").asLong(0)));
    }
    return result;
  }

  private static String stateOf(JsonNode status) {
    if (status == null) {
      return "Waiting";
    }
    JsonNode state = status.path("state");
    for (String kind : List.of("running", "waiting", "terminated")) {
      if (state.has(kind)) {
        String reason = Trees.text(state.get(kind), "reason", "");
        String label = Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
        return reason.isEmpty() ? label : label + ": " + reason;
      }
    }
    return "Waiting";
  }

  /** The {@code status.conditions} of a pod or node. */
  static List<Condition> conditions(JsonNode pod) {
    return Trees.items(ObjectNodes.at(pod, "status"), "conditions").stream()
        .map(
            c ->
                new Condition(
                    Trees.text(c, "type", ""),
                    Trees.text(c, "status", ""),
                    Trees.text(c, "reason", ""),
                    Trees.text(c, "message", "")))
        .toList();
  }

  private static List<EnvVar> env(JsonNode pod) {
    List<EnvVar> result = new ArrayList<>();
    for (JsonNode container : Trees.items(ObjectNodes.at(pod, "spec"), "containers")) {
      String containerName = Trees.text(container, "name", "");
      for (JsonNode env : Trees.items(container, "env")) {
        result.add(envVar(containerName, env));
      }
      for (JsonNode from : Trees.items(container, "envFrom")) {
        String secret = ObjectNodes.text(from, "secretRef.name");
        String configMap = ObjectNodes.text(from, "configMapRef.name");
        if (secret != null) {
          result.add(new EnvVar(containerName, "(all keys of Secret " + secret + ")", MASK, true));
        } else if (configMap != null) {
          result.add(
              new EnvVar(containerName, "(all keys of ConfigMap " + configMap + ")", "", false));
        }
      }
    }
    return result;
  }

  private static EnvVar envVar(String container, JsonNode env) {
    String name = Trees.text(env, "name", "");
    String secret = ObjectNodes.text(env, "valueFrom.secretKeyRef.name");
    if (secret != null) {
      String key = PodRow.orEmpty(ObjectNodes.text(env, "valueFrom.secretKeyRef.key"));
      return new EnvVar(container, name, MASK + " (Secret " + secret + ", key " + key + ")", true);
    }
    String configMap = ObjectNodes.text(env, "valueFrom.configMapKeyRef.name");
    if (configMap != null) {
      String key = PodRow.orEmpty(ObjectNodes.text(env, "valueFrom.configMapKeyRef.key"));
      return new EnvVar(container, name, "(ConfigMap " + configMap + ", key " + key + ")", false);
    }
    String field = ObjectNodes.text(env, "valueFrom.fieldRef.fieldPath");
    if (field != null) {
      return new EnvVar(container, name, "(field " + field + ")", false);
    }
    return new EnvVar(container, name, Trees.text(env, "value", ""), false);
  }
}
