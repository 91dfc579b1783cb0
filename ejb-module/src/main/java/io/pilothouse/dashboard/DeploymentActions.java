package io.pilothouse.dashboard;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import io.pilothouse.json.KubernetesJson;
import io.pilothouse.printing.PrintedColumns;
import io.pilothouse.registry.ObjectNodes;
import io.pilothouse.registry.ObjectRegistry;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.patch.PatchType;
import io.pilothouse.registry.validation.Trees;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.Principal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deployment actions as kubectl does them: scale, {@code rollout restart} (a restartedAt annotation
 * on the pod template), {@code set image}, {@code rollout history} (the owned ReplicaSets by their
 * revision annotation) and {@code rollout undo} (the chosen ReplicaSet's template copied back).
 */
@Stateless
public class DeploymentActions {

  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
  private static final String TEMPLATE_HASH = "pod-template-hash";

  @Inject private ObjectRegistry registry;
  @Inject private ObjectQueries objects;

  public void scale(String namespace, String name, int replicas, Principal user) {
    patch(
        namespace,
        name,
        PatchType.MERGE_PATCH,
        "{\"spec\":{\"replicas\":" + replicas + "}}",
        user,
        "scale deployment " + namespace + "/" + name + " to " + replicas);
  }

  public void restart(String namespace, String name, Principal user) {
    ObjectNode patch = KubernetesJson.mapper().createObjectNode();
    ObjectNodes.objectAt(patch, "spec.template.metadata.annotations")
        .put(RESTARTED_AT, Instant.now().toString());
    patch(
        namespace,
        name,
        PatchType.STRATEGIC_MERGE_PATCH,
        patch.toString(),
        user,
        "rollout restart");
  }

  public void setImage(
      String namespace, String name, String container, String image, Principal user) {
    ObjectNode patch = KubernetesJson.mapper().createObjectNode();
    ArrayNode containers = ObjectNodes.objectAt(patch, "spec.template.spec").putArray("containers");
    containers.addObject().put("name", container).put("image", image);
    patch(
        namespace,
        name,
        PatchType.STRATEGIC_MERGE_PATCH,
        patch.toString(),
        user,
        "set image " + container + "=" + image);
  }

  /** The Deployment's revisions, newest first. */
  public List<RolloutRevision> history(String namespace, String name) {
    Instant now = Instant.now();
    return ownedReplicaSets(namespace, name).stream()
        .map(
            rs ->
                new RolloutRevision(
                    revisionOf(rs),
                    ObjectNodes.name(rs),
                    Trees.items(ObjectNodes.at(rs, "spec.template.spec"), "containers").stream()
                        .map(c -> Trees.text(c, "name", "") + "=" + Trees.text(c, "image", ""))
                        .toList(),
                    rs.path("status").path("replicas").asLong(0),
                    PrintedColumns.age(rs, now)))
        .sorted(Comparator.comparingLong(RolloutRevision::revision).reversed())
        .toList();
  }

  /** Rolls the Deployment back to the template of {@code revision}. */
  public void undo(String namespace, String name, long revision, Principal user) {
    ObjectNode rs =
        ownedReplicaSets(namespace, name).stream()
            .filter(r -> revisionOf(r) == revision)
            .findFirst()
            .orElseThrow(
                () ->
                    new StatusException(
                        404,
                        StatusReasons.NOT_FOUND,
                        "deployment " + name + " has no revision " + revision));
    ObjectNode template = ((ObjectNode) rs.path("spec").path("template")).deepCopy();
    ObjectNode labels = (ObjectNode) template.path("metadata").path("labels");
    if (labels != null && labels.isObject()) {
      labels.remove(TEMPLATE_HASH);
    }
    ArrayNode ops = KubernetesJson.mapper().createArrayNode();
    ops.addObject().put("op", "replace").put("path", "/spec/template").set("value", template);
    patch(
        namespace, name, PatchType.JSON_PATCH, ops.toString(), user, "rollout undo to " + revision);
  }

  private List<ObjectNode> ownedReplicaSets(String namespace, String name) {
    ObjectNode deployment = registry.get(deployments(), namespace, name);
    String uid = ObjectNodes.text(deployment, "metadata.uid");
    Map<String, String> match = ObjectNodes.stringMap(deployment, "spec.selector.matchLabels");
    String selector =
        match.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
    TableRequest request =
        new TableRequest(List.of(namespace), null, selector, null, null, false, 0, 1000);
    return objects.page(objects.type("apps", "replicasets"), request).rows().stream()
        .filter(rs -> ownedBy(rs, uid))
        .toList();
  }

  private static boolean ownedBy(JsonNode rs, String uid) {
    return Trees.items(ObjectNodes.at(rs, "metadata"), "ownerReferences").stream()
        .anyMatch(o -> uid.equals(Trees.text(o, "uid", "")));
  }

  private static long revisionOf(JsonNode rs) {
    String value = ObjectNodes.stringMap(rs, "metadata.annotations").getOrDefault(REVISION, "0");
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void patch(
      String namespace, String name, PatchType type, String patch, Principal user, String what) {
    registry.patch(
        deployments(),
        namespace,
        name,
        type,
        patch,
        false,
        Audit.write(user, what + " (deployment " + namespace + "/" + name + ")"));
  }

  private ResourceType deployments() {
    return objects.type("apps", "deployments");
  }
}
