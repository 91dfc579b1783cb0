package io.pilothouse.registry.strategy.pod;

import io.pilothouse.registry.validation.Quantities;
import io.pilothouse.registry.validation.Trees;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a Pod gets beyond the pod-spec defaults: upstream's {@code SetDefaults_Pod} (requests from
 * limits, pod-level requests, service links, host-network ports), the defaults the admission chain
 * adds on create (ServiceAccount's {@code default}, Priority's 0, DefaultTolerationSeconds' 300 s
 * not-ready/unreachable tolerations) and the status a new pod starts with (Pending, its QoS class,
 * and PodScheduled=False while scheduling gates remain).
 */
public final class PodDefaults {

  static final String NOT_READY = "node.kubernetes.io/not-ready";
  static final String UNREACHABLE = "node.kubernetes.io/unreachable";
  static final int DEFAULT_TOLERATION_SECONDS = 300;

  private static final Map<String, Integer> SYSTEM_PRIORITIES =
      Map.of("system-node-critical", 2000001000, "system-cluster-critical", 2000000000);

  private PodDefaults() {}

  /** {@code SetDefaults_Pod}: applies on create and on update. */
  public static void apply(ObjectNode spec) {
    for (String list : List.of("containers", "initContainers")) {
      for (ObjectNode container : Trees.objects(spec, list)) {
        requestsFromLimits(Trees.object(container, "resources"));
      }
    }
    ObjectNode podResources = Trees.object(spec, "resources");
    if (podResources != null) {
      defaultPodRequests(spec, podResources);
      ContainerDefaults.canonicalizeResourceList(Trees.object(podResources, "limits"));
      ContainerDefaults.canonicalizeResourceList(Trees.object(podResources, "requests"));
    }
    Trees.putIfAbsent(spec, "enableServiceLinks", true);
    if (Trees.isTrue(spec, "hostNetwork")) {
      for (String list : List.of("containers", "initContainers")) {
        for (ObjectNode container : Trees.objects(spec, list)) {
          for (ObjectNode port : Trees.objects(container, "ports")) {
            Long hostPort = Trees.number(port, "hostPort");
            if ((hostPort == null || hostPort == 0) && Trees.present(port, "containerPort")) {
              port.set("hostPort", port.get("containerPort").deepCopy());
            }
          }
        }
      }
    }
  }

  /** What the admission plugins add to a pod being created. */
  public static void admit(ObjectNode spec) {
    String account = Trees.text(spec, "serviceAccountName", "");
    if (account.isEmpty()) {
      spec.put("serviceAccountName", "default");
      spec.put("serviceAccount", "default");
    }
    String priorityClass = Trees.text(spec, "priorityClassName", "");
    Integer priority =
        priorityClass.isEmpty() ? Integer.valueOf(0) : SYSTEM_PRIORITIES.get(priorityClass);
    if (priority != null) {
      Trees.putIfAbsent(spec, "priority", priority);
      Trees.putIfAbsent(spec, "preemptionPolicy", "PreemptLowerPriority");
    }
    addDefaultTolerations(spec);
  }

  /**
   * What the admission plugins add to a pod being updated: DefaultTolerationSeconds runs on update
   * too, so a client-side apply that replaces the (atomic) tolerations list with the manifest's
   * gets the not-ready/unreachable tolerations back instead of a 422 for removing them.
   */
  public static void admitUpdate(ObjectNode spec) {
    addDefaultTolerations(spec);
  }

  /** The status a pod is created with, replacing whatever the client sent. */
  public static void initialStatus(ObjectNode pod, ObjectNode spec) {
    ObjectNode status = pod.putObject("status");
    status.put("phase", "Pending");
    status.put("qosClass", QosClass.of(spec));
    if (Trees.size(spec, "schedulingGates") > 0) {
      ObjectNode condition = status.putArray("conditions").addObject();
      condition.put("type", "PodScheduled");
      condition.put("status", "False");
      condition.put("reason", "SchedulingGated");
      condition.put("message", "Scheduling is blocked due to non-empty scheduling gates");
    }
  }

  private static void requestsFromLimits(ObjectNode resources) {
    ObjectNode limits = Trees.object(resources, "limits");
    if (limits == null || limits.isEmpty()) {
      return;
    }
    ObjectNode requests = Trees.ensureObject(resources, "requests");
    for (Map.Entry<String, JsonNode> limit : limits.properties()) {
      if (!requests.has(limit.getKey())) {
        requests.set(limit.getKey(), limit.getValue().deepCopy());
      }
    }
  }

  /** Pod-level requests default to the containers' requests, else to the pod-level limits. */
  private static void defaultPodRequests(ObjectNode spec, ObjectNode podResources) {
    ObjectNode limits = Trees.object(podResources, "limits");
    if (limits == null || limits.isEmpty()) {
      return;
    }
    ObjectNode requests = Trees.ensureObject(podResources, "requests");
    for (Map.Entry<String, JsonNode> limit : limits.properties()) {
      String name = limit.getKey();
      if (requests.has(name) || !isPodLevelResource(name)) {
        continue;
      }
      BigDecimal sum = containerRequests(spec, name);
      requests.put(name, sum == null ? limit.getValue().asString() : sum.toPlainString());
    }
  }

  private static BigDecimal containerRequests(JsonNode spec, String name) {
    BigDecimal sum = null;
    for (JsonNode container : Trees.items(spec, "containers")) {
      String request = Trees.text(container.path("resources").path("requests"), name);
      if (request != null && Quantities.isValid(request)) {
        sum = (sum == null ? BigDecimal.ZERO : sum).add(Quantities.decimal(request));
      }
    }
    return sum;
  }

  static boolean isPodLevelResource(String name) {
    return name.equals("cpu") || name.equals("memory") || name.startsWith("hugepages-");
  }

  private static void addDefaultTolerations(ObjectNode spec) {
    boolean notReady = false;
    boolean unreachable = false;
    for (JsonNode toleration : Trees.items(spec, "tolerations")) {
      String key = Trees.text(toleration, "key", "");
      String effect = Trees.text(toleration, "effect", "");
      boolean noExecute = effect.isEmpty() || effect.equals("NoExecute");
      notReady |= noExecute && (key.isEmpty() || key.equals(NOT_READY));
      unreachable |= noExecute && (key.isEmpty() || key.equals(UNREACHABLE));
    }
    if (notReady && unreachable) {
      return;
    }
    ArrayNode tolerations = Trees.ensureArray(spec, "tolerations");
    if (!notReady) {
      addToleration(tolerations, NOT_READY);
    }
    if (!unreachable) {
      addToleration(tolerations, UNREACHABLE);
    }
  }

  private static void addToleration(ArrayNode tolerations, String key) {
    ObjectNode toleration = tolerations.addObject();
    toleration.put("key", key);
    toleration.put("operator", "Exists");
    toleration.put("effect", "NoExecute");
    toleration.put("tolerationSeconds", DEFAULT_TOLERATION_SECONDS);
  }
}
