package io.pilothouse.printing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get services}: NAME, TYPE, CLUSTER-IP, EXTERNAL-IP, PORT(S) (such as {@code
 * 80/TCP,443:30443/TCP}), AGE; wide adds SELECTOR. The server always prints the wide form, so load
 * balancer addresses are never shortened.
 */
final class ServicePrinter implements KindPrinter {

  private static final List<Column> COLUMNS =
      List.of(
          Column.nameColumn(),
          Column.of("Type", "string", Descriptions.SERVICE_TYPE),
          Column.of("Cluster-IP", "string", Descriptions.SERVICE_CLUSTER_IP),
          Column.of("External-IP", "string", Descriptions.SERVICE_EXTERNAL_IPS),
          Column.of("Port(s)", "string", Descriptions.SERVICE_PORTS),
          Column.ageColumn(),
          Column.wide("Selector", "string", Descriptions.SERVICE_SELECTOR));

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(JsonNode service, Instant now) {
    return List.of(
        Fields.name(service),
        Fields.text(service, "spec", "type"),
        Fields.orNone(clusterIp(service)),
        externalIp(service),
        Fields.orNone(ports(service)),
        Timestamps.age(service, now),
        Selectors.formatLabels(Fields.at(service, "spec", "selector")));
  }

  /** {@code spec.clusterIP}, authoritative over {@code clusterIPs} as in the v1 conversion. */
  private static String clusterIp(JsonNode service) {
    String clusterIp = Fields.text(service, "spec", "clusterIP");
    if (!clusterIp.isEmpty()) {
      return clusterIp;
    }
    List<JsonNode> clusterIps = Fields.items(service, "spec", "clusterIPs");
    return clusterIps.isEmpty() ? "" : Fields.text(clusterIps.get(0));
  }

  private static String externalIp(JsonNode service) {
    List<String> externalIps =
        Fields.items(service, "spec", "externalIPs").stream().map(Fields::text).toList();
    return switch (Fields.text(service, "spec", "type")) {
      case "ClusterIP", "NodePort" ->
          externalIps.isEmpty() ? "<none>" : String.join(",", externalIps);
      case "LoadBalancer" -> loadBalancerIp(service, externalIps);
      case "ExternalName" -> Fields.text(service, "spec", "externalName");
      default -> "<unknown>";
    };
  }

  private static String loadBalancerIp(JsonNode service, List<String> externalIps) {
    TreeSet<String> ingress = new TreeSet<>();
    for (JsonNode entry : Fields.items(service, "status", "loadBalancer", "ingress")) {
      String ip = Fields.text(entry, "ip");
      String hostname = Fields.text(entry, "hostname");
      if (!ip.isEmpty()) {
        ingress.add(ip);
      } else if (!hostname.isEmpty()) {
        ingress.add(hostname);
      }
    }
    if (!externalIps.isEmpty()) {
      List<String> all = new ArrayList<>(ingress);
      all.addAll(externalIps);
      return String.join(",", all);
    }
    return ingress.isEmpty() ? "<pending>" : String.join(",", ingress);
  }

  /** {@code port/protocol}, or {@code port:nodePort/protocol} when a node port is allocated. */
  private static String ports(JsonNode service) {
    return Fields.items(service, "spec", "ports").stream()
        .map(
            port -> {
              long nodePort = Fields.number(port, "nodePort");
              String protocol = Fields.text(port, "protocol");
              String prefix = Long.toString(Fields.number(port, "port"));
              return nodePort > 0
                  ? prefix + ":" + nodePort + "/" + protocol
                  : prefix + "/" + protocol;
            })
        .collect(Collectors.joining(","));
  }
}
