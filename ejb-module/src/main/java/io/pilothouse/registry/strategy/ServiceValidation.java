package io.pilothouse.registry.strategy;

import io.pilothouse.registry.validation.Addresses;
import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.GoValues;
import io.pilothouse.registry.validation.Names;
import io.pilothouse.registry.validation.ObjectMetaValidation;
import io.pilothouse.registry.validation.Ports;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upstream's {@code ValidateService} and {@code ValidateServiceUpdate}: ports (required unless
 * headless or ExternalName; named when several; unique per protocol), type, selector labels,
 * session affinity, clusterIP/clusterIPs consistency, traffic policies, and cluster IPs that may
 * not change once set (except to or from ExternalName).
 */
final class ServiceValidation {

  private static final List<String> TYPES =
      List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
  private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
  private static final List<String> AFFINITIES = List.of("ClientIP", "None");
  private static final List<String> TRAFFIC_POLICIES = List.of("Cluster", "Local");

  private ServiceValidation() {}

  static List<FieldError> validate(ObjectNode service) {
    JsonNode spec = service.path("spec");
    String type = Trees.text(spec, "type", "");
    boolean headless = ServiceDefaults.isHeadless(spec);
    List<FieldError> errs = new ArrayList<>();
    if (Trees.size(spec, "ports") == 0 && !headless && !type.equals("ExternalName")) {
      errs.add(FieldError.required("spec.ports"));
    }
    errs.addAll(validateByType(spec, type, headless));
    errs.addAll(validatePorts(spec, type));
    errs.addAll(ObjectMetaValidation.validateLabels(spec.get("selector"), "spec.selector"));
    errs.addAll(validateAffinity(spec));
    errs.addAll(ServiceIpValidation.validate(spec, type));
    List<String> externalIps = Trees.strings(spec, "externalIPs");
    for (int i = 0; i < externalIps.size(); i++) {
      errs.addAll(Addresses.validateIP(externalIps.get(i), "spec.externalIPs[" + i + "]"));
    }
    if (type.isEmpty()) {
      errs.add(FieldError.required("spec.type"));
    } else if (!TYPES.contains(type)) {
      errs.add(FieldError.notSupported("spec.type", type, TYPES));
    }
    errs.addAll(validateTrafficPolicies(spec, type));
    return errs;
  }

  private static List<FieldError> validateByType(JsonNode spec, String type, boolean headless) {
    List<FieldError> errs = new ArrayList<>();
    if ((type.equals("LoadBalancer") || type.equals("NodePort")) && headless) {
      errs.add(
          FieldError.invalid(
              "spec.clusterIPs[0]", "None", "may not be set to 'None' for " + type + " services"));
    }
    if (type.equals("ExternalName")) {
      if (Trees.size(spec, "clusterIPs") > 0) {
        errs.add(
            FieldError.forbidden("spec.clusterIPs", "may not be set for ExternalName services"));
      }
      if (Trees.size(spec, "ipFamilies") > 0) {
        errs.add(
            FieldError.forbidden("spec.ipFamilies", "may not be set for ExternalName services"));
      }
      if (Trees.present(spec, "ipFamilyPolicy")) {
        errs.add(
            FieldError.forbidden(
                "spec.ipFamilyPolicy", "may not be set for ExternalName services"));
      }
      String cname = Trees.text(spec, "externalName", "");
      cname = cname.endsWith(".") ? cname.substring(0, cname.length() - 1) : cname;
      if (cname.isEmpty()) {
        errs.add(FieldError.required("spec.externalName"));
      } else {
        String name = cname;
        Names.dns1123Subdomain(name)
            .forEach(msg -> errs.add(FieldError.invalid("spec.externalName", name, msg)));
      }
    }
    return errs;
  }

  private static List<FieldError> validatePorts(JsonNode spec, String type) {
    List<FieldError> errs = new ArrayList<>();
    List<JsonNode> ports = Trees.items(spec, "ports");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      errs.addAll(
          validatePort(ports.get(i), ports.size() > 1, names, type, "spec.ports[" + i + "]"));
    }
    errs.addAll(duplicatePorts(ports));
    return errs;
  }

  /** {@code validateServicePort}, plus the node port rule of ClusterIP services. */
  private static List<FieldError> validatePort(
      JsonNode port, boolean requireName, Set<String> names, String type, String path) {
    List<FieldError> errs = new ArrayList<>();
    String name = Trees.text(port, "name", "");
    if (requireName && name.isEmpty()) {
      errs.add(FieldError.required(path + ".name"));
    } else if (!name.isEmpty()) {
      Names.dns1123Label(name)
          .forEach(msg -> errs.add(FieldError.invalid(path + ".name", name, msg)));
      if (!names.add(name)) {
        errs.add(FieldError.duplicate(path + ".name", name));
      }
    }
    errs.addAll(Ports.number(port, "port", path + ".port"));
    errs.addAll(protocol(port, path));
    errs.addAll(Ports.numOrName(port, "targetPort", path + ".targetPort"));
    String appProtocol = Trees.text(port, "appProtocol");
    if (appProtocol != null) {
      Names.qualifiedName(appProtocol)
          .forEach(msg -> errs.add(FieldError.invalid(path + ".appProtocol", appProtocol, msg)));
    }
    Long nodePort = Trees.number(port, "nodePort");
    if (nodePort != null && nodePort != 0 && type.equals("ClusterIP")) {
      errs.add(
          FieldError.forbidden(path + ".nodePort", "may not be used when `type` is 'ClusterIP'"));
    }
    return errs;
  }

  /** The same node port, or the same port, twice for one protocol. */
  private static List<FieldError> duplicatePorts(List<JsonNode> ports) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> nodePorts = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      JsonNode port = ports.get(i);
      String path = "spec.ports[" + i + "]";
      String protocol = Trees.text(port, "protocol", "");
      Long nodePort = Trees.number(port, "nodePort");
      if (nodePort != null && nodePort != 0 && !nodePorts.add(protocol + "/" + nodePort)) {
        errs.add(FieldError.duplicate(path + ".nodePort", nodePort));
      }
      long number = Trees.number(port, "port") == null ? 0 : Trees.number(port, "port");
      if (!seen.add(protocol + "/" + number)) {
        errs.add(FieldError.duplicate(path, servicePort(protocol, number)));
      }
    }
    return errs;
  }

  /** The key upstream reports a duplicate port with, as Go prints it. */
  private static Object servicePort(String protocol, long port) {
    return new GoValues.Rendered(
        "core.ServicePort{Name:\"\", Protocol:\""
            + protocol
            + "\", AppProtocol:(*string)(nil), Port:"
            + port
            + ", TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}");
  }

  private static List<FieldError> protocol(JsonNode port, String path) {
    String protocol = Trees.text(port, "protocol", "");
    if (protocol.isEmpty()) {
      return List.of(FieldError.required(path + ".protocol"));
    }
    return PROTOCOLS.contains(protocol)
        ? List.of()
        : List.of(FieldError.notSupported(path + ".protocol", protocol, PROTOCOLS));
  }

  private static List<FieldError> validateAffinity(JsonNode spec) {
    String affinity = Trees.text(spec, "sessionAffinity", "");
    if (affinity.isEmpty()) {
      return List.of(FieldError.required("spec.sessionAffinity"));
    }
    if (!AFFINITIES.contains(affinity)) {
      return List.of(FieldError.notSupported("spec.sessionAffinity", affinity, AFFINITIES));
    }
    JsonNode config = spec.get("sessionAffinityConfig");
    if (affinity.equals("None")) {
      return config == null || config.isNull()
          ? List.of()
          : List.of(
              FieldError.forbidden(
                  "spec.sessionAffinityConfig", "must not be set when session affinity is None"));
    }
    String path = "spec.sessionAffinityConfig.clientIP.timeoutSeconds";
    Long timeout = Trees.number(config == null ? null : config.get("clientIP"), "timeoutSeconds");
    if (timeout == null) {
      return List.of(FieldError.required(path, "when session affinity type is ClientIP"));
    }
    return timeout <= 0 || timeout > 86400
        ? List.of(FieldError.invalid(path, timeout, "must be greater than 0 and less than 86400"))
        : List.of();
  }

  private static List<FieldError> validateTrafficPolicies(JsonNode spec, String type) {
    List<FieldError> errs = new ArrayList<>();
    String external = Trees.text(spec, "externalTrafficPolicy", "");
    if (!ServiceDefaults.externallyAccessible(spec)) {
      if (!external.isEmpty()) {
        errs.add(
            FieldError.invalid(
                "spec.externalTrafficPolicy",
                external,
                "may only be set for externally-accessible services"));
      }
    } else if (external.isEmpty()) {
      errs.add(FieldError.required("spec.externalTrafficPolicy"));
    } else if (!TRAFFIC_POLICIES.contains(external)) {
      errs.add(FieldError.notSupported("spec.externalTrafficPolicy", external, TRAFFIC_POLICIES));
    }
    String internal = Trees.text(spec, "internalTrafficPolicy");
    if (internal == null && List.of("NodePort", "LoadBalancer", "ClusterIP").contains(type)) {
      errs.add(FieldError.required("spec.internalTrafficPolicy"));
    } else if (internal != null && !TRAFFIC_POLICIES.contains(internal)) {
      errs.add(FieldError.notSupported("spec.internalTrafficPolicy", internal, TRAFFIC_POLICIES));
    }
    if (Trees.present(spec, "allocateLoadBalancerNodePorts") && !type.equals("LoadBalancer")) {
      errs.add(
          FieldError.forbidden(
              "spec.allocateLoadBalancerNodePorts",
              "may only be used when `type` is 'LoadBalancer'"));
    }
    if (Trees.present(spec, "loadBalancerClass") && !type.equals("LoadBalancer")) {
      errs.add(
          FieldError.forbidden(
              "spec.loadBalancerClass", "may only be used when `type` is 'LoadBalancer'"));
    }
    return errs;
  }

  /** {@code ValidateServiceUpdate}: cluster IPs may not change except to or from ExternalName. */
  static List<FieldError> validateUpdate(ObjectNode service, ObjectNode old) {
    List<FieldError> errs = new ArrayList<>();
    JsonNode spec = service.path("spec");
    JsonNode oldSpec = old.path("spec");
    boolean externalName =
        "ExternalName".equals(Trees.text(spec, "type"))
            || "ExternalName".equals(Trees.text(oldSpec, "type"));
    boolean bothHeadless = ServiceDefaults.isHeadless(spec) && ServiceDefaults.isHeadless(oldSpec);
    if (!externalName && !bothHeadless) {
      errs.addAll(
          ServiceIpValidation.validateUpdate(
              Trees.strings(spec, "clusterIPs"), Trees.strings(oldSpec, "clusterIPs")));
    }
    errs.addAll(validate(service));
    return errs;
  }
}
