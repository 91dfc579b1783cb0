package io.pilothouse.dashboard;

import io.pilothouse.printing.PrintedColumns;
import io.pilothouse.registry.ObjectNodes;
import io.pilothouse.registry.ResourceType;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One row of a generic table (deployments, replica sets, jobs, services, namespaces): the cells
 * {@code kubectl get} prints for the kind, plus an extra cell a page may add (a Service's
 * endpoints).
 */
public record ResourceRow(String namespace, String name, List<String> cells, String extra)
    implements Serializable {

  public static ResourceRow of(ResourceType type, JsonNode object, Instant now) {
    return new ResourceRow(
        PodRow.orEmpty(ObjectNodes.namespace(object)),
        ObjectNodes.name(object),
        PrintedColumns.cells(object, type.group(), type.kind(), false, now),
        "");
  }

  /** The same row with an extra cell. */
  public ResourceRow withExtra(String value) {
    return new ResourceRow(namespace, name, cells, value);
  }

  /** The cell at {@code index}, or empty. */
  public String cell(int index) {
    return index < cells.size() ? cells.get(index) : "";
  }
}
