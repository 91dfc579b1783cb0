package io.pilothouse.dashboard;

import io.pilothouse.printing.PrintedColumns;
import io.pilothouse.registry.ObjectNodes;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.validation.Trees;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generic tables for the kinds without a page of their own (workloads, services, namespaces): the
 * kind's printed columns over one page of the store; services also show their endpoints.
 */
@Stateless
public class ResourceQueries {

  @Inject private ObjectQueries objects;

  /** The column headers of a resource's table. */
  public List<String> headers(String group, String resource) {
    ResourceType type = objects.type(group, resource);
    return PrintedColumns.names(type.group(), type.kind(), false);
  }

  /** One page of rows of any served resource. */
  public Page<ResourceRow> rows(String group, String resource, TableRequest request) {
    ResourceType type = objects.type(group, resource);
    Page<ObjectNode> page = objects.page(type, request);
    Instant now = Instant.now();
    List<ResourceRow> rows = new ArrayList<>();
    for (ObjectNode object : page.rows()) {
      ResourceRow row = ResourceRow.of(type, object, now);
      rows.add("services".equals(resource) ? row.withExtra(endpointsOf(row)) : row);
    }
    return new Page<>(rows, page.total());
  }

  /** One page of events (filter by type, namespace and involved object with the request). */
  public Page<EventRow> events(TableRequest request) {
    Page<ObjectNode> page = objects.page(objects.type("", "events"), request);
    Instant now = Instant.now();
    return new Page<>(page.rows().stream().map(e -> EventRow.of(e, now)).toList(), page.total());
  }

  /** The names of every namespace, for filters. */
  public List<String> namespaceNames() {
    return objects
        .page(objects.type("", "namespaces"), TableRequest.firstPage(10_000))
        .rows()
        .stream()
        .map(ObjectNodes::name)
        .toList();
  }

  /** The object as YAML, or empty text when it does not exist. */
  public String yaml(String group, String resource, String namespace, String name) {
    return objects.find(objects.type(group, resource), namespace, name).map(Yaml::write).orElse("");
  }

  private String endpointsOf(ResourceRow service) {
    return objects
        .find(objects.type("", "endpoints"), service.namespace(), service.name())
        .map(ResourceQueries::addresses)
        .orElse("");
  }

  private static String addresses(JsonNode endpoints) {
    List<String> result = new ArrayList<>();
    for (JsonNode subset : Trees.items(endpoints, "subsets")) {
      List<JsonNode> ports = Trees.items(subset, "ports");
      for (JsonNode address : Trees.items(subset, "addresses")) {
        String ip = Trees.text(address, "ip", "");
        if (ports.isEmpty()) {
          result.add(ip);
        }
        for (JsonNode port : ports) {
          result.add(ip + ":" + port.path("port").asLong());
        }
      }
    }
    return result.isEmpty() ? "<none>" : result.stream().collect(Collectors.joining(", "));
  }
}
