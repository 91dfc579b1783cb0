package io.pilothouse.printing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get endpoints}: NAME, ENDPOINTS (the first three {@code ip:port} pairs, then
 * {@code + N more...}), AGE.
 */
final class EndpointsPrinter implements KindPrinter {

  static final int MAX_LISTED = 3;

  private static final List<Column> COLUMNS =
      List.of(
          Column.nameColumn(),
          Column.of("Endpoints", "string", Descriptions.ENDPOINTS_SUBSETS),
          Column.ageColumn());

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(JsonNode endpoints, Instant now) {
    return List.of(Fields.name(endpoints), format(endpoints), Timestamps.age(endpoints, now));
  }

  /** Upstream's {@code formatEndpoints} for all ports. */
  private static String format(JsonNode endpoints) {
    List<JsonNode> subsets = Fields.items(endpoints, "subsets");
    if (subsets.isEmpty()) {
      return "<none>";
    }
    List<String> listed = new ArrayList<>();
    int count = 0;
    boolean more = false;
    for (JsonNode subset : subsets) {
      List<JsonNode> addresses = Fields.items(subset, "addresses");
      List<JsonNode> ports = Fields.items(subset, "ports");
      for (JsonNode port : ports) {
        count += addresses.size();
        more |= list(listed, addresses, Long.toString(Fields.number(port, "port")));
      }
      if (ports.isEmpty()) {
        count += addresses.size();
        more |= list(listed, addresses, null);
      }
    }
    String text = String.join(",", listed);
    return more ? text + " + " + (count - MAX_LISTED) + " more..." : text;
  }

  /** Adds addresses (with the port, when given) until three are listed; true if some were left. */
  private static boolean list(List<String> listed, List<JsonNode> addresses, String port) {
    for (JsonNode address : addresses) {
      if (listed.size() == MAX_LISTED) {
        return true;
      }
      String ip = Fields.text(address, "ip");
      listed.add(port == null ? ip : joinHostPort(ip, port));
    }
    return false;
  }

  /** Go's {@code net.JoinHostPort}: IPv6 addresses in brackets. */
  static String joinHostPort(String host, String port) {
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }
}
