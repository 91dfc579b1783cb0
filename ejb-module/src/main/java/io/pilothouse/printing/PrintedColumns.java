package io.pilothouse.printing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The columns {@code kubectl get} prints for a kind, for tables outside the API (the dashboard):
 * the same printers as server-side Table printing, so both show the same cells.
 */
public final class PrintedColumns {

  private PrintedColumns() {}

  /** The column names (priority 0 only unless {@code wide}). */
  public static List<String> names(String group, String kind, boolean wide) {
    return KindPrinters.forKind(group, kind).columns().stream()
        .filter(c -> wide || c.priority() == 0)
        .map(Column::name)
        .toList();
  }

  /** One object's cells as text, in the order of {@link #names}. */
  public static List<String> cells(
      JsonNode object, String group, String kind, boolean wide, Instant now) {
    KindPrinter printer = KindPrinters.forKind(group, kind);
    List<Column> columns = printer.columns();
    List<Object> cells = printer.cells(object, now);
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < columns.size() && i < cells.size(); i++) {
      if (wide || columns.get(i).priority() == 0) {
        shown.add(cells.get(i) == null ? "" : String.valueOf(cells.get(i)));
      }
    }
    return shown;
  }

  /** The age of an object as tables show it ({@code 5m}, {@code 2d3h}). */
  public static String age(JsonNode object, Instant now) {
    return Timestamps.age(object, now);
  }

  /** The time from {@code then} to {@code now} as tables show it. */
  public static String since(Instant then, Instant now) {
    return Timestamps.since(then, now);
  }
}
