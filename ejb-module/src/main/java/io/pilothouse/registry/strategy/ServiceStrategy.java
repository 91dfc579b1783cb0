package io.pilothouse.registry.strategy;

import io.pilothouse.registry.validation.Addresses;
import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.NameRule;
import io.pilothouse.registry.validation.Trees;
import io.pilothouse.store.FieldSelector;
import io.pilothouse.store.IndexedFields;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Services ({@code core/v1}, DNS-1035 names): upstream's defaults (ClusterIP, no session affinity,
 * TCP ports whose target is the port, traffic policies, single-stack IPv4 families), clusterIP and
 * clusterIPs kept in step, allocated values (cluster IPs, node ports) carried over when an update
 * omits them, fields of the old type wiped on a type change, and an empty load-balancer status.
 * Allocating cluster IPs and node ports is the registry's business, not this strategy's. Selectable
 * by {@code spec.clusterIP} and {@code spec.type}, as since Kubernetes 1.31.
 */
public class ServiceStrategy implements ResourceStrategy {

  private static final FieldLabelConversion FIELD_LABELS =
      FieldLabelConversion.of(
          FieldSelector.METADATA_NAMESPACE,
          FieldSelector.METADATA_NAME,
          "spec.clusterIP",
          "spec.type");

  @Override
  public NameRule nameRule() {
    return NameRule.DNS1035_LABEL;
  }

  @Override
  public void prepareForCreate(ObjectNode service) {
    ObjectNode spec = Trees.ensureObject(service, "spec");
    ServiceDefaults.apply(spec);
    String clusterIp = Trees.text(spec, "clusterIP", "");
    if (!clusterIp.isEmpty() && Trees.size(spec, "clusterIPs") == 0) {
      spec.putArray("clusterIPs").add(clusterIp);
    }
    ServiceDefaults.applyIpFamilies(spec);
    service.putObject("status").putObject("loadBalancer");
  }

  @Override
  public void prepareForUpdate(ObjectNode service, ObjectNode old) {
    ObjectNode spec = Trees.ensureObject(service, "spec");
    JsonNode oldSpec = old.path("spec");
    ServiceDefaults.apply(spec);
    dropTypeDependentFields(spec, oldSpec);
    patchAllocatedValues(spec, oldSpec);
    normalizeClusterIPs(spec, oldSpec);
    if (ServiceDefaults.needsClusterIP(spec) && ServiceDefaults.needsClusterIP(oldSpec)) {
      Trees.copyIfAbsent(spec, "ipFamilies", oldSpec.get("ipFamilies"));
      Trees.copyIfAbsent(spec, "ipFamilyPolicy", oldSpec.get("ipFamilyPolicy"));
    }
    ServiceDefaults.applyIpFamilies(spec);
    StatusSplit.keepStatus(service, old);
  }

  @Override
  public void prepareForStatusUpdate(ObjectNode service, ObjectNode old) {
    StatusSplit.keepAllButStatus(service, old);
  }

  @Override
  public List<FieldError> validate(ObjectNode service) {
    return ServiceValidation.validate(service);
  }

  @Override
  public List<FieldError> validateUpdate(ObjectNode service, ObjectNode old) {
    return ServiceValidation.validateUpdate(service, old);
  }

  /** Upstream's {@code patchAllocatedValues}: what the allocator chose survives an update. */
  private static void patchAllocatedValues(ObjectNode spec, JsonNode oldSpec) {
    if (ServiceDefaults.needsClusterIP(oldSpec) && ServiceDefaults.needsClusterIP(spec)) {
      if (Trees.text(spec, "clusterIP", "").isEmpty() && Trees.present(oldSpec, "clusterIP")) {
        spec.set("clusterIP", oldSpec.get("clusterIP").deepCopy());
      }
      if (Trees.size(spec, "clusterIPs") == 0 && Trees.size(oldSpec, "clusterIPs") > 0) {
        spec.set("clusterIPs", oldSpec.get("clusterIPs").deepCopy());
      }
    }
    if (ServiceDefaults.needsNodePort(oldSpec) && ServiceDefaults.needsNodePort(spec)) {
      List<JsonNode> oldPorts = Trees.items(oldSpec, "ports");
      List<Long> used =
          Trees.items(spec, "ports").stream().map(p -> Trees.number(p, "nodePort")).toList();
      for (ObjectNode port : Trees.objects(spec, "ports")) {
        Long nodePort = Trees.number(port, "nodePort");
        if (nodePort != null && nodePort != 0) {
          continue;
        }
        for (JsonNode oldPort : oldPorts) {
          Long oldNodePort = Trees.number(oldPort, "nodePort");
          boolean sameName = Trees.text(oldPort, "name", "").equals(Trees.text(port, "name", ""));
          if (sameName && oldNodePort != null && oldNodePort != 0 && !used.contains(oldNodePort)) {
            Trees.putNumber(port, "nodePort", oldNodePort);
          }
        }
      }
    }
    if (ServiceDefaults.needsHealthCheckNodePort(oldSpec)
        && ServiceDefaults.needsHealthCheckNodePort(spec)) {
      Long port = Trees.number(spec, "healthCheckNodePort");
      if (port == null || port == 0) {
        Trees.copyIfAbsent(spec, "healthCheckNodePort", oldSpec.get("healthCheckNodePort"));
      }
    }
  }

  /** Upstream's {@code NormalizeClusterIPs} for an update. */
  private static void normalizeClusterIPs(ObjectNode spec, JsonNode oldSpec) {
    String clusterIp = Trees.text(spec, "clusterIP", "");
    String oldClusterIp = Trees.text(oldSpec, "clusterIP", "");
    boolean sameIps = Objects.equals(ips(spec), ips(oldSpec));
    if (Trees.size(oldSpec, "clusterIPs") > 0
        && Trees.size(spec, "clusterIPs") == 0
        && oldClusterIp.equals(clusterIp)) {
      spec.set("clusterIPs", oldSpec.get("clusterIPs").deepCopy());
      sameIps = true;
    }
    if (!clusterIp.equals(oldClusterIp)) {
      if (!oldClusterIp.isEmpty() && clusterIp.isEmpty() && sameIps) {
        spec.remove("clusterIPs");
      }
      if (!clusterIp.isEmpty() && sameIps) {
        ArrayNode ips = spec.putArray("clusterIPs");
        ips.add(clusterIp);
      }
    }
  }

  private static List<String> ips(JsonNode spec) {
    return Trees.strings(spec, "clusterIPs");
  }

  /** Upstream's {@code dropTypeDependentFields}: wipe what the new type does not use. */
  private static void dropTypeDependentFields(ObjectNode spec, JsonNode oldSpec) {
    if (ServiceDefaults.needsClusterIP(oldSpec) && !ServiceDefaults.needsClusterIP(spec)) {
      if (ips(spec).equals(ips(oldSpec))
          && Trees.text(spec, "clusterIP", "").equals(Trees.text(oldSpec, "clusterIP", ""))) {
        spec.remove("clusterIP");
        spec.remove("clusterIPs");
      }
      for (String field : List.of("ipFamilies", "ipFamilyPolicy")) {
        if (Objects.equals(spec.get(field), oldSpec.get(field))) {
          spec.remove(field);
        }
      }
    }
    if (ServiceDefaults.needsNodePort(oldSpec)
        && !ServiceDefaults.needsNodePort(spec)
        && sameNodePorts(spec, oldSpec)) {
      Trees.objects(spec, "ports").forEach(port -> port.remove("nodePort"));
    }
    if (ServiceDefaults.needsHealthCheckNodePort(oldSpec)
        && !ServiceDefaults.needsHealthCheckNodePort(spec)
        && Objects.equals(spec.get("healthCheckNodePort"), oldSpec.get("healthCheckNodePort"))) {
      spec.remove("healthCheckNodePort");
    }
    boolean wasLoadBalancer = "LoadBalancer".equals(Trees.text(oldSpec, "type"));
    if (wasLoadBalancer && !"LoadBalancer".equals(Trees.text(spec, "type"))) {
      for (String field : List.of("allocateLoadBalancerNodePorts", "loadBalancerClass")) {
        if (Objects.equals(spec.get(field), oldSpec.get(field))) {
          spec.remove(field);
        }
      }
    }
    if (ServiceDefaults.externallyAccessible(oldSpec)
        && !ServiceDefaults.externallyAccessible(spec)
        && Objects.equals(
            spec.get("externalTrafficPolicy"), oldSpec.get("externalTrafficPolicy"))) {
      spec.remove("externalTrafficPolicy");
    }
  }

  private static boolean sameNodePorts(JsonNode spec, JsonNode oldSpec) {
    List<Long> ports =
        Trees.items(spec, "ports").stream().map(p -> Trees.number(p, "nodePort")).toList();
    List<Long> oldPorts =
        Trees.items(oldSpec, "ports").stream().map(p -> Trees.number(p, "nodePort")).toList();
    return ports.equals(oldPorts);
  }

  /** Whether {@code ip} is an IPv6 literal (used to pick the family of a requested cluster IP). */
  static boolean isIPv6(String ip) {
    return Addresses.isIPv6(ip);
  }

  /** Upstream's {@code SelectableFields} for Services: the cluster IP and the type. */
  @Override
  public void indexFields(ObjectNode service, IndexedFields.Builder fields) {
    JsonNode spec = service.path("spec");
    fields.field("spec.clusterIP", Trees.text(spec, "clusterIP", ""));
    fields.field("spec.type", Trees.text(spec, "type", ""));
  }

  @Override
  public FieldLabelConversion fieldLabelConversion() {
    return FIELD_LABELS;
  }
}
