package io.pilothouse.printing;

import io.pilothouse.json.KubernetesJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shared test helpers: a fixed clock, objects written as JSON, and the cells of a printed row the
 * way {@code kubectl get} (priority 0 columns) and {@code kubectl get -o wide} (all) show them.
 */
final class Fixtures {

  /** The clock every test measures ages to. */
  static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

  private static final TablePrinter PRINTER = new TablePrinter();

  private Fixtures() {}

  /** An object from JSON text; single quotes stand for double quotes to keep tests readable. */
  static ObjectNode json(String text) {
    return (ObjectNode) KubernetesJson.mapper().readTree(text.replace('\'', '"'));
  }

  /** Any value (a fabric8 model object, say) as the JSON tree the server stores. */
  static ObjectNode tree(Object value) {
    return KubernetesJson.mapper().valueToTree(value);
  }

  /** The RFC 3339 timestamp {@code ago} before {@link #NOW}. */
  static String ago(Duration ago) {
    return NOW.minus(ago).toString();
  }

  /** The cells {@code kubectl get} prints for {@code object}. */
  static List<Object> narrow(String group, String kind, ObjectNode object) {
    return cells(group, kind, object, false);
  }

  /** The cells {@code kubectl get -o wide} prints for {@code object}. */
  static List<Object> wide(String group, String kind, ObjectNode object) {
    return cells(group, kind, object, true);
  }

  private static List<Object> cells(String group, String kind, ObjectNode object, boolean wide) {
    ObjectNode table = PRINTER.table(group, kind, object, IncludeObject.NONE, NOW);
    JsonNode columns = table.get("columnDefinitions");
    JsonNode cells = table.get("rows").get(0).get("cells");
    List<Object> shown = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      if (wide || columns.get(i).get("priority").asInt() == 0) {
        shown.add(value(cells.get(i)));
      }
    }
    return shown;
  }

  /** A cell as Java sees it: strings as {@link String}, integers as {@link Long}. */
  static Object value(JsonNode cell) {
    if (cell.isNumber()) {
      return cell.asLong();
    } else if (cell.isBoolean()) {
      return cell.asBoolean();
    }
    return cell.isNull() ? null : cell.asString();
  }
}
