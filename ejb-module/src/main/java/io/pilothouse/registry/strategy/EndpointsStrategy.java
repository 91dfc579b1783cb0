package io.pilothouse.registry.strategy;

import io.pilothouse.registry.validation.Addresses;
import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.Names;
import io.pilothouse.registry.validation.Ports;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Endpoints ({@code core/v1}), written by the endpoints controller: ports default to TCP; each
 * subset has addresses, valid IPs and hostnames, and valid, named (when several) ports. Loopback
 * addresses are allowed, unlike upstream, because the process runtime's pods live on 127.0.0.0/8.
 */
public class EndpointsStrategy implements ResourceStrategy {

  private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");

  @Override
  public void prepareForCreate(ObjectNode endpoints) {
    applyDefaults(endpoints);
  }

  @Override
  public void prepareForUpdate(ObjectNode endpoints, ObjectNode old) {
    applyDefaults(endpoints);
  }

  private static void applyDefaults(ObjectNode endpoints) {
    for (ObjectNode subset : Trees.objects(endpoints, "subsets")) {
      for (ObjectNode port : Trees.objects(subset, "ports")) {
        Trees.putIfAbsent(port, "protocol", "TCP");
      }
    }
  }

  @Override
  public List<FieldError> validate(ObjectNode endpoints) {
    List<FieldError> errs = new ArrayList<>();
    List<JsonNode> subsets = Trees.items(endpoints, "subsets");
    for (int i = 0; i < subsets.size(); i++) {
      JsonNode subset = subsets.get(i);
      String path = "subsets[" + i + "]";
      if (Trees.size(subset, "addresses") == 0 && Trees.size(subset, "notReadyAddresses") == 0) {
        errs.add(FieldError.required(path, "must specify `addresses` or `notReadyAddresses`"));
      }
      for (String list : List.of("addresses", "notReadyAddresses")) {
        List<JsonNode> addresses = Trees.items(subset, list);
        for (int a = 0; a < addresses.size(); a++) {
          errs.addAll(validateAddress(addresses.get(a), path + "." + list + "[" + a + "]"));
        }
      }
      List<JsonNode> ports = Trees.items(subset, "ports");
      for (int p = 0; p < ports.size(); p++) {
        errs.addAll(validatePort(ports.get(p), ports.size() > 1, path + ".ports[" + p + "]"));
      }
    }
    return errs;
  }

  private static List<FieldError> validateAddress(JsonNode address, String path) {
    String ip = Trees.text(address, "ip", "");
    List<FieldError> errs = new ArrayList<>(Addresses.validateIP(ip, path + ".ip"));
    String hostname = Trees.text(address, "hostname", "");
    if (!hostname.isEmpty()) {
      Names.dns1123Label(hostname)
          .forEach(msg -> errs.add(FieldError.invalid(path + ".hostname", hostname, msg)));
    }
    String nodeName = Trees.text(address, "nodeName");
    if (nodeName != null) {
      Names.dns1123Subdomain(nodeName)
          .forEach(msg -> errs.add(FieldError.invalid(path + ".nodeName", nodeName, msg)));
    }
    if (errs.isEmpty()) {
      errs.addAll(Addresses.validateNonSpecialIP(ip, path + ".ip"));
    }
    return errs;
  }

  static List<FieldError> validatePort(JsonNode port, boolean requireName, String path) {
    List<FieldError> errs = new ArrayList<>();
    String name = Trees.text(port, "name", "");
    if (requireName && name.isEmpty()) {
      errs.add(FieldError.required(path + ".name"));
    } else if (!name.isEmpty()) {
      Names.dns1123Label(name)
          .forEach(msg -> errs.add(FieldError.invalid(path + ".name", name, msg)));
    }
    errs.addAll(Ports.number(port, "port", path + ".port"));
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
    return errs;
  }
}
