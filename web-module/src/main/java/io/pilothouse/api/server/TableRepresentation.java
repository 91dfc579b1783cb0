package io.pilothouse.api.server;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import io.pilothouse.printing.IncludeObject;
import io.pilothouse.printing.TablePrinter;
import io.pilothouse.registry.ObjectList;
import io.pilothouse.registry.ResourceType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server-side printing for clients that ask {@code as=Table} (kubectl get): lists, single objects
 * and watch events become {@code meta.k8s.io/v1 Table}s with upstream's columns.
 */
@ApplicationScoped
public class TableRepresentation {

  private final TablePrinter printer = new TablePrinter();

  /** A list page as a Table. */
  public ObjectNode of(ObjectList list, MultivaluedMap<String, String> query) {
    ResourceType type = list.type();
    return printer.table(
        type.group(),
        type.kind(),
        list.items(),
        list.resourceVersion(),
        list.continueToken(),
        list.remainingItemCount(),
        include(query),
        Instant.now());
  }

  /** One object as a one-row Table; {@code headers} false for watch events after the first. */
  public ObjectNode of(
      ResourceType type, ObjectNode object, MultivaluedMap<String, String> query, boolean headers) {
    return headers
        ? printer.table(type.group(), type.kind(), object, include(query), Instant.now())
        : printer.tableWithoutHeaders(
            type.group(), type.kind(), object, include(query), Instant.now());
  }

  private static IncludeObject include(MultivaluedMap<String, String> query) {
    try {
      return IncludeObject.fromQueryParameter(query.getFirst("includeObject"));
    } catch (IllegalArgumentException e) {
      throw new StatusException(400, StatusReasons.BAD_REQUEST, e.getMessage());
    }
  }
}
