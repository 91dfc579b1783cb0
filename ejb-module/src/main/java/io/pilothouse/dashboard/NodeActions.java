package io.pilothouse.dashboard;

import io.pilothouse.api.StatusException;
import io.pilothouse.json.KubernetesJson;
import io.pilothouse.registry.DeleteOptions;
import io.pilothouse.registry.ObjectNodes;
import io.pilothouse.registry.ObjectRegistry;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.patch.PatchType;
import io.pilothouse.registry.validation.Trees;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The node actions: cordon, uncordon, drain (cordon, then evict each pod through the eviction
 * subresource, reporting progress and refusals), and editing labels and taints. Every write goes
 * through {@link ObjectRegistry}, the API's own write path; each runs in a transaction of its own
 * so one refused eviction does not undo the others.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeActions {

  private static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

  @Inject private ObjectRegistry registry;
  @Inject private ObjectQueries objects;
  @Inject private NodeQueries nodes;

  public void cordon(String node, Principal user) {
    setUnschedulable(node, true, user);
  }

  public void uncordon(String node, Principal user) {
    setUnschedulable(node, false, user);
  }

  private void setUnschedulable(String node, boolean value, Principal user) {
    String patch = "{\"spec\":{\"unschedulable\":" + (value ? "true" : "null") + "}}";
    registry.patch(
        nodeType(),
        null,
        node,
        PatchType.MERGE_PATCH,
        patch,
        false,
        Audit.write(user, (value ? "cordon " : "uncordon ") + node));
  }

  /** The pods a drain would evict and those it leaves. */
  public DrainPlan drainPlan(String node) {
    registry.get(nodeType(), null, node);
    List<DrainPlan.PodRef> evict = new ArrayList<>();
    List<DrainPlan.PodRef> skip = new ArrayList<>();
    for (ObjectNode pod : nodes.podsOn(List.of(node)).getOrDefault(node, List.of())) {
      DrainPlan.PodRef ref =
          new DrainPlan.PodRef(ObjectNodes.namespace(pod), ObjectNodes.name(pod));
      (daemonOrMirror(pod) ? skip : evict).add(ref);
    }
    return new DrainPlan(node, evict, skip);
  }

  /**
   * Cordons the node and evicts the plan's pods one by one, telling {@code progress} after each;
   * returns the progress after the last eviction (not yet done: see {@link DrainRunner}).
   */
  public DrainProgress drain(String node, Principal user, Consumer<DrainProgress> progress) {
    DrainPlan plan = drainPlan(node);
    cordon(node, user);
    List<String> evicted = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    int total = plan.evict().size();
    for (DrainPlan.PodRef pod : plan.evict()) {
      try {
        Audit.log(user, "evict " + pod + " (drain " + node + ")");
        registry.evict(podType(), pod.namespace(), pod.name(), DeleteOptions.DEFAULT);
        evicted.add(pod.toString());
      } catch (StatusException e) {
        refused.add(pod + ": " + e.getMessage());
      }
      progress.accept(new DrainProgress(node, total, evicted, refused, 0, false));
    }
    return new DrainProgress(node, total, evicted, refused, 0, false);
  }

  /** How many of the named pods ({@code namespace/name}) still exist. */
  public int stillPresent(List<String> pods) {
    int present = 0;
    for (String pod : pods) {
      int slash = pod.indexOf('/');
      if (objects.find(podType(), pod.substring(0, slash), pod.substring(slash + 1)).isPresent()) {
        present++;
      }
    }
    return present;
  }

  /** Replaces the node's labels. */
  public void setLabels(String node, Map<String, String> labels, Principal user) {
    ObjectActions.replaceLabels(registry, nodeType(), null, node, labels, user);
  }

  /** Replaces the node's taints with {@code key[=value]:Effect} entries. */
  public void setTaints(String node, List<String> taints, Principal user) {
    ArrayNode array = KubernetesJson.mapper().createArrayNode();
    for (String taint : taints) {
      array.add(Taints.parse(taint));
    }
    ObjectNode patch = KubernetesJson.mapper().createObjectNode();
    patch.putObject("spec").set("taints", array);
    registry.patch(
        nodeType(),
        null,
        node,
        PatchType.MERGE_PATCH,
        patch.toString(),
        false,
        Audit.write(user, "set taints of " + node + " to " + taints));
  }

  private static boolean daemonOrMirror(JsonNode pod) {
    if (ObjectNodes.stringMap(pod, "metadata.annotations").containsKey(MIRROR_ANNOTATION)) {
      return true;
    }
    return Trees.items(ObjectNodes.at(pod, "metadata"), "ownerReferences").stream()
        .anyMatch(o -> "DaemonSet".equals(Trees.text(o, "kind", "")));
  }

  private ResourceType nodeType() {
    return objects.type("", "nodes");
  }

  private ResourceType podType() {
    return objects.type("", "pods");
  }
}
