package io.pilothouse.registry.strategy;

import io.pilothouse.registry.validation.Addresses;
import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.Immutable;
import io.pilothouse.registry.validation.Names;
import io.pilothouse.registry.validation.ObjectMetaValidation;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * EndpointSlices ({@code discovery.k8s.io/v1}), which kube-proxy reads: ports default to an unnamed
 * TCP port; the address type is required, supported and immutable; every endpoint has one to 100
 * addresses of that type; port names are unique. The generation counts changes, as upstream's
 * strategy does. Loopback addresses are allowed (see {@link EndpointsStrategy}).
 */
public class EndpointSliceStrategy implements ResourceStrategy {

  private static final List<String> ADDRESS_TYPES = List.of("FQDN", "IPv4", "IPv6");
  private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
  private static final int MAX_ENDPOINTS = 1000;
  private static final int MAX_ADDRESSES = 100;

  @Override
  public boolean tracksGeneration() {
    return true;
  }

  @Override
  public void prepareForCreate(ObjectNode slice) {
    applyDefaults(slice);
  }

  @Override
  public void prepareForUpdate(ObjectNode slice, ObjectNode old) {
    applyDefaults(slice);
  }

  private static void applyDefaults(ObjectNode slice) {
    for (ObjectNode port : Trees.objects(slice, "ports")) {
      Trees.putIfAbsent(port, "name", "");
      Trees.putIfAbsent(port, "protocol", "TCP");
    }
  }

  @Override
  public List<FieldError> validate(ObjectNode slice) {
    List<FieldError> errs = new ArrayList<>();
    String addressType = Trees.text(slice, "addressType", "");
    if (addressType.isEmpty()) {
      errs.add(FieldError.required("addressType"));
    } else if (!ADDRESS_TYPES.contains(addressType)) {
      errs.add(FieldError.notSupported("addressType", addressType, ADDRESS_TYPES));
    }
    List<JsonNode> endpoints = Trees.items(slice, "endpoints");
    if (endpoints.size() > MAX_ENDPOINTS) {
      errs.add(FieldError.tooMany("endpoints", endpoints.size(), MAX_ENDPOINTS));
      return errs;
    }
    for (int i = 0; i < endpoints.size(); i++) {
      errs.addAll(validateEndpoint(endpoints.get(i), addressType, "endpoints[" + i + "]"));
    }
    errs.addAll(validatePorts(slice));
    return errs;
  }

  private static List<FieldError> validateEndpoint(
      JsonNode endpoint, String addressType, String path) {
    List<FieldError> errs = new ArrayList<>();
    List<String> addresses = Trees.strings(endpoint, "addresses");
    if (addresses.isEmpty()) {
      errs.add(FieldError.required(path + ".addresses", "must contain at least 1 address"));
    } else if (addresses.size() > MAX_ADDRESSES) {
      errs.add(FieldError.tooMany(path + ".addresses", addresses.size(), MAX_ADDRESSES));
    }
    for (int a = 0; a < addresses.size(); a++) {
      errs.addAll(validateAddress(addresses.get(a), addressType, path + ".addresses[" + a + "]"));
    }
    String nodeName = Trees.text(endpoint, "nodeName");
    if (nodeName != null) {
      Names.dns1123Subdomain(nodeName)
          .forEach(msg -> errs.add(FieldError.invalid(path + ".nodeName", nodeName, msg)));
    }
    String hostname = Trees.text(endpoint, "hostname");
    if (hostname != null) {
      Names.dns1123Label(hostname)
          .forEach(msg -> errs.add(FieldError.invalid(path + ".hostname", hostname, msg)));
    }
    errs.addAll(
        ObjectMetaValidation.validateLabels(
            endpoint.get("deprecatedTopology"), path + ".deprecatedTopology"));
    return errs;
  }

  private static List<FieldError> validateAddress(String address, String addressType, String path) {
    switch (addressType) {
      case "IPv4" -> {
        return Addresses.isIPv4(address)
            ? Addresses.validateNonSpecialIP(address, path)
            : List.of(FieldError.invalid(path, address, "must be a valid IPv4 address"));
      }
      case "IPv6" -> {
        return Addresses.isIPv6(address)
            ? Addresses.validateNonSpecialIP(address, path)
            : List.of(FieldError.invalid(path, address, "must be a valid IPv6 address"));
      }
      case "FQDN" -> {
        List<FieldError> errs = new ArrayList<>();
        String name = address.endsWith(".") ? address.substring(0, address.length() - 1) : address;
        Names.dns1123Subdomain(name)
            .forEach(msg -> errs.add(FieldError.invalid(path, address, msg)));
        return errs;
      }
      default -> {
        return List.of();
      }
    }
  }

  private static List<FieldError> validatePorts(JsonNode slice) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<JsonNode> ports = Trees.items(slice, "ports");
    for (int i = 0; i < ports.size(); i++) {
      JsonNode port = ports.get(i);
      String path = "ports[" + i + "]";
      String name = Trees.text(port, "name", "");
      if (!name.isEmpty()) {
        Names.dns1123Label(name)
            .forEach(msg -> errs.add(FieldError.invalid(path + ".name", name, msg)));
      }
      if (!names.add(name)) {
        errs.add(FieldError.duplicate(path + ".name", name));
      }
      String protocol = Trees.text(port, "protocol", "");
      if (protocol.isEmpty()) {
        errs.add(FieldError.required(path + ".protocol"));
      } else if (!PROTOCOLS.contains(protocol)) {
        errs.add(FieldError.notSupported(path + ".protocol", protocol, PROTOCOLS));
      }
      String appProtocol = Trees.text(port, "appProtocol");
      if (appProtocol != null) {
        Names.qualifiedName(appProtocol)
            .forEach(msg -> errs.add(FieldError.invalid(path + ".appProtocol", appProtocol, msg)));
      }
    }
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(ObjectNode slice, ObjectNode old) {
    List<FieldError> errs = new ArrayList<>(validate(slice));
    errs.addAll(Immutable.check(slice, old, "addressType", "addressType"));
    return errs;
  }
}
