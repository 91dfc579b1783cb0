package io.pilothouse.printing;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The columns of one kind and how to fill them from an object: the Java side of one entry of
 * upstream's {@code printers.go}. Like kube-apiserver, a printer always produces the wide cells;
 * kubectl hides the priority 1 columns unless asked for {@code -o wide}.
 */
interface KindPrinter {

  /** The column definitions, in cell order. */
  List<Column> columns();

  /**
   * One row's cells: {@link String}, {@link Long} or {@link Boolean} values, one per column.
   *
   * @param now the time ages and durations are measured to
   */
  List<Object> cells(JsonNode object, Instant now);

  /** Row conditions for this object; none unless the kind marks completed objects. */
  default List<RowCondition> conditions(JsonNode object) {
    return List.of();
  }
}
