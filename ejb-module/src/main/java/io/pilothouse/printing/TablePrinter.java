package io.pilothouse.printing;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server-side printing: turns objects into the {@code meta.k8s.io/v1} {@code Table} that kubectl
 * requests with {@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io} and prints as {@code
 * kubectl get}. Like kube-apiserver it always returns the wide columns, priority 1 marking those
 * kubectl shows only with {@code -o wide}. Stateless and thread-safe; the returned tree holds
 * copies, never the given objects.
 */
public final class TablePrinter {

  /** The group version of the Table and PartialObjectMetadata kinds. */
  public static final String META_API_VERSION = "meta.k8s.io/v1";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * The Table of one page of a list.
   *
   * @param group the objects' API group, {@code ""} for the core group
   * @param kind the objects' kind, such as {@code Pod}; kinds without printers get NAME and
   *     "Created At"
   * @param listResourceVersion the list's {@code metadata.resourceVersion}, or null
   * @param continueToken the list's {@code metadata.continue}, or null
   * @param remainingItemCount the list's {@code metadata.remainingItemCount}, or null
   * @param include what each row carries besides its cells; null means {@code Metadata}
   * @param now the time ages and durations are measured to
   */
  public ObjectNode table(
      String group,
      String kind,
      List<ObjectNode> objects,
      String listResourceVersion,
      String continueToken,
      Long remainingItemCount,
      IncludeObject include,
      Instant now) {
    KindPrinter printer = KindPrinters.forKind(group, kind);
    ObjectNode table = start(listResourceVersion, continueToken, remainingItemCount);
    table.set("columnDefinitions", columnDefinitions(printer));
    ArrayNode rows = table.putArray("rows");
    for (ObjectNode object : objects) {
      rows.add(row(printer, object, include, now));
    }
    return table;
  }

  /**
   * The Table of a single object ({@code kubectl get pod web-0}); its resourceVersion is the
   * object's.
   */
  public ObjectNode table(
      String group, String kind, ObjectNode object, IncludeObject include, Instant now) {
    return single(group, kind, object, include, true, now);
  }

  /**
   * The Table of a single object with {@code columnDefinitions: null}: kube-apiserver sends the
   * column definitions with the first event of a watch only, and this form for every later one.
   */
  public ObjectNode tableWithoutHeaders(
      String group, String kind, ObjectNode object, IncludeObject include, Instant now) {
    return single(group, kind, object, include, false, now);
  }

  private static ObjectNode single(
      String group,
      String kind,
      ObjectNode object,
      IncludeObject include,
      boolean headers,
      Instant now) {
    KindPrinter printer = KindPrinters.forKind(group, kind);
    ObjectNode table = start(Fields.text(object, "metadata", "resourceVersion"), null, null);
    table.set("columnDefinitions", headers ? columnDefinitions(printer) : NODES.nullNode());
    table.putArray("rows").add(row(printer, object, include, now));
    return table;
  }

  private static ObjectNode start(String resourceVersion, String continueToken, Long remaining) {
    ObjectNode table = NODES.objectNode();
    table.put("kind", "Table");
    table.put("apiVersion", META_API_VERSION);
    ObjectNode metadata = table.putObject("metadata");
    if (resourceVersion != null && !resourceVersion.isEmpty()) {
      metadata.put("resourceVersion", resourceVersion);
    }
    if (continueToken != null && !continueToken.isEmpty()) {
      metadata.put("continue", continueToken);
    }
    if (remaining != null) {
      metadata.put("remainingItemCount", remaining.longValue());
    }
    return table;
  }

  private static ArrayNode columnDefinitions(KindPrinter printer) {
    ArrayNode columns = NODES.arrayNode();
    for (Column column : printer.columns()) {
      ObjectNode definition = columns.addObject();
      definition.put("name", column.name());
      definition.put("type", column.type());
      definition.put("format", column.format());
      definition.put("description", column.description());
      definition.put("priority", column.priority());
    }
    return columns;
  }

  private static ObjectNode row(
      KindPrinter printer, ObjectNode object, IncludeObject include, Instant now) {
    ObjectNode row = NODES.objectNode();
    ArrayNode cells = row.putArray("cells");
    for (Object cell : printer.cells(object, now)) {
      cells.add(cell(cell));
    }
    List<RowCondition> conditions = printer.conditions(object);
    if (!conditions.isEmpty()) {
      ArrayNode array = row.putArray("conditions");
      for (RowCondition condition : conditions) {
        array
            .addObject()
            .put("type", condition.type())
            .put("status", condition.status())
            .put("reason", condition.reason())
            .put("message", condition.message());
      }
    }
    JsonNode included = included(object, include == null ? IncludeObject.METADATA : include);
    if (included != null) {
      row.set("object", included);
    }
    return row;
  }

  private static JsonNode cell(Object value) {
    if (value instanceof String text) {
      return NODES.stringNode(text);
    } else if (value instanceof Long number) {
      return NODES.numberNode(number);
    } else if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    return NODES.nullNode();
  }

  /** The row's object per {@code includeObject}, as kube-apiserver's {@code asTable}. */
  private static JsonNode included(ObjectNode object, IncludeObject include) {
    return switch (include) {
      case NONE -> null;
      case OBJECT -> object.deepCopy();
      case METADATA -> {
        ObjectNode partial = NODES.objectNode();
        partial.put("kind", "PartialObjectMetadata");
        partial.put("apiVersion", META_API_VERSION);
        JsonNode metadata = object.path("metadata");
        partial.set("metadata", metadata.isObject() ? metadata.deepCopy() : NODES.objectNode());
        yield partial;
      }
    };
  }
}
