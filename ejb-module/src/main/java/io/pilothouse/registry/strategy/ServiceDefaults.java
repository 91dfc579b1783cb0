package io.pilothouse.registry.strategy;

import io.pilothouse.registry.validation.Trees;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upstream's {@code SetDefaults_Service} and the IP family defaults of a single-stack IPv4 cluster,
 * plus the predicates on a service spec that decide which of them apply.
 */
public final class ServiceDefaults {

  static final int DEFAULT_CLIENT_IP_TIMEOUT = 10800;

  private ServiceDefaults() {}

  static void apply(ObjectNode spec) {
    Trees.putIfAbsent(spec, "sessionAffinity", "None");
    String affinity = Trees.text(spec, "sessionAffinity", "");
    if (affinity.equals("None")) {
      spec.remove("sessionAffinityConfig");
    } else if (affinity.equals("ClientIP")) {
      ObjectNode config = Trees.ensureObject(spec, "sessionAffinityConfig");
      Trees.putIfAbsent(
          Trees.ensureObject(config, "clientIP"), "timeoutSeconds", DEFAULT_CLIENT_IP_TIMEOUT);
    }
    Trees.putIfAbsent(spec, "type", "ClusterIP");
    for (ObjectNode port : Trees.objects(spec, "ports")) {
      Trees.putIfAbsent(port, "protocol", "TCP");
      JsonNode target = port.get("targetPort");
      boolean unset =
          target == null
              || target.isNull()
              || (target.isNumber() && target.asLong() == 0)
              || (target.isString() && target.asString().isEmpty());
      if (unset && Trees.present(port, "port")) {
        port.set("targetPort", port.get("port").deepCopy());
      }
    }
    if (externallyAccessible(spec)) {
      Trees.putIfAbsent(spec, "externalTrafficPolicy", "Cluster");
    }
    String type = Trees.text(spec, "type", "");
    if (type.equals("NodePort") || type.equals("LoadBalancer") || type.equals("ClusterIP")) {
      Trees.putIfAbsent(spec, "internalTrafficPolicy", "Cluster");
    }
    if (type.equals("LoadBalancer")) {
      Trees.putIfAbsent(spec, "allocateLoadBalancerNodePorts", true);
    }
  }

  /**
   * IP families as the allocator of a single-stack IPv4 cluster sets them: the family of a
   * requested cluster IP, else IPv4; SingleStack, or RequireDualStack for a selectorless headless
   * service.
   */
  static void applyIpFamilies(ObjectNode spec) {
    if (!needsClusterIP(spec)) {
      return;
    }
    boolean selectorlessHeadless = isHeadless(spec) && Trees.size(spec, "selector") == 0;
    Trees.putIfAbsent(
        spec, "ipFamilyPolicy", selectorlessHeadless ? "RequireDualStack" : "SingleStack");
    if (Trees.size(spec, "ipFamilies") == 0) {
      String first = Trees.strings(spec, "clusterIPs").stream().findFirst().orElse("");
      spec.putArray("ipFamilies").add(ServiceStrategy.isIPv6(first) ? "IPv6" : "IPv4");
    }
  }

  public static boolean isHeadless(JsonNode spec) {
    return Trees.strings(spec, "clusterIPs").equals(java.util.List.of("None"));
  }

  public static boolean needsClusterIP(JsonNode spec) {
    return !"ExternalName".equals(Trees.text(spec, "type", "ClusterIP"));
  }

  public static boolean needsNodePort(JsonNode spec) {
    String type = Trees.text(spec, "type", "");
    JsonNode allocate = spec.get("allocateLoadBalancerNodePorts");
    boolean allocates = allocate == null || !allocate.isBoolean() || allocate.booleanValue();
    return type.equals("NodePort") || (type.equals("LoadBalancer") && allocates);
  }

  static boolean needsHealthCheckNodePort(JsonNode spec) {
    return "LoadBalancer".equals(Trees.text(spec, "type"))
        && "Local".equals(Trees.text(spec, "externalTrafficPolicy"));
  }

  /**
   * {@code ExternallyAccessible}: load balancers, node ports, and cluster IPs with external IPs.
   */
  static boolean externallyAccessible(JsonNode spec) {
    String type = Trees.text(spec, "type", "");
    return type.equals("LoadBalancer")
        || type.equals("NodePort")
        || (type.equals("ClusterIP") && Trees.size(spec, "externalIPs") > 0);
  }
}
