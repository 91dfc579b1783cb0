package io.pilothouse.printing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get endpointslices}: NAME, ADDRESSTYPE, PORTS, ENDPOINTS (each list the first
 * three, then {@code + N more...}; {@code <unset>} when empty), AGE.
 */
final class EndpointSlicePrinter implements KindPrinter {

  private static final List<Column> COLUMNS =
      List.of(
          Column.nameColumn(),
          Column.of("AddressType", "string", Descriptions.SLICE_ADDRESS_TYPE),
          Column.of("Ports", "string", Descriptions.SLICE_PORTS),
          Column.of("Endpoints", "string", Descriptions.SLICE_ENDPOINTS),
          Column.ageColumn());

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(JsonNode slice, Instant now) {
    return List.of(
        Fields.name(slice),
        Fields.text(slice, "addressType"),
        ports(slice),
        endpoints(slice),
        Timestamps.age(slice, now));
  }

  private static String ports(JsonNode slice) {
    List<String> values = new ArrayList<>();
    for (JsonNode port : Fields.items(slice, "ports")) {
      JsonNode number = port.path("port");
      JsonNode name = port.path("name");
      if (number.isNumber()) {
        values.add(Long.toString(number.asLong()));
      } else if (name.isString()) {
        values.add(name.asString());
      } else {
        values.add("*");
      }
    }
    return withMore(values);
  }

  private static String endpoints(JsonNode slice) {
    List<String> values = new ArrayList<>();
    for (JsonNode endpoint : Fields.items(slice, "endpoints")) {
      Fields.items(endpoint, "addresses").forEach(address -> values.add(Fields.text(address)));
    }
    return withMore(values);
  }

  /** Upstream's {@code listWithMoreString} over the whole list. */
  private static String withMore(List<String> values) {
    int max = EndpointsPrinter.MAX_LISTED;
    if (values.size() > max) {
      return String.join(",", values.subList(0, max)) + " + " + (values.size() - max) + " more...";
    }
    return values.isEmpty() ? "<unset>" : String.join(",", values);
  }
}
