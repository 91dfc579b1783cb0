package io.pilothouse.registry.validation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Renders the bad value of a {@link FieldError} the way upstream's {@code field.Error} prints it:
 * strings quoted, numbers and booleans bare, string maps and slices in Go syntax ({@code
 * map[string]string{"app":"web"}}, {@code []string{"a", "b"}}). Structures upstream prints with
 * Go's {@code %#v} are shown as compact JSON instead.
 */
public final class GoValues {

  private GoValues() {}

  /** A value that prints as given, unquoted. */
  public record Rendered(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  /** {@code map[string]string{"a":"b", "c":"d"}}, keys sorted as Go's fmt does. */
  public static Object map(Map<String, String> map) {
    StringBuilder out = new StringBuilder("map[string]string{");
    boolean first = true;
    for (Map.Entry<String, String> entry : new TreeMap<>(map).entrySet()) {
      out.append(first ? "" : ", ")
          .append(goQuote(entry.getKey()))
          .append(':')
          .append(goQuote(entry.getValue()));
      first = false;
    }
    return new Rendered(out.append('}').toString());
  }

  /** {@code []string{"a", "b"}}; {@code []string(nil)} when null. */
  public static Object strings(List<String> values) {
    if (values == null) {
      return new Rendered("[]string(nil)");
    }
    StringBuilder out = new StringBuilder("[]string{");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(goQuote(values.get(i)));
    }
    return new Rendered(out.append('}').toString());
  }

  /** A JSON value as upstream would show it: scalars as themselves, structures as JSON. */
  public static Object of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return new Rendered("null");
    }
    if (node.isString()) {
      return node.asString();
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber() || node.isBoolean()) {
      return new Rendered(node.asString());
    }
    return new Rendered(node.toString());
  }

  /** Go's {@code %q} for the common cases: quotes and backslashes escaped. */
  public static String goQuote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
