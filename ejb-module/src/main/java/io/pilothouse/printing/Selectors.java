package io.pilothouse.printing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Prints label maps and label selectors as apimachinery's {@code labels.FormatLabels} and {@code
 * metav1.FormatLabelSelector} do: requirements sorted by key, {@code k=v}, {@code k in (a,b)},
 * {@code k notin (a)}, {@code k}, {@code !k}, joined with commas.
 */
final class Selectors {

  private Selectors() {}

  /** A string map as {@code a=1,b=2} sorted by key; {@code <none>} when empty. */
  static String formatLabels(JsonNode labels) {
    Map<String, String> sorted = new TreeMap<>();
    labels.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asString("")));
    String text =
        sorted.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
    return text.isEmpty() ? "<none>" : text;
  }

  /** {@code FormatLabelSelector}: {@code <none>} for an empty selector, {@code <error>} if bad. */
  static String formatLabelSelector(JsonNode selector) {
    String text = selectorString(selector);
    if (text == null) {
      return "<error>";
    }
    return text.isEmpty() ? "<none>" : text;
  }

  /**
   * {@code LabelSelectorAsSelector(selector).String()}: empty for a missing or empty selector, null
   * when an expression is invalid.
   */
  static String selectorString(JsonNode selector) {
    List<Requirement> requirements = new ArrayList<>();
    selector
        .path("matchLabels")
        .properties()
        .forEach(e -> requirements.add(new Requirement(e.getKey(), e.getValue().asString(""))));
    for (JsonNode expression : Fields.items(selector, "matchExpressions")) {
      Requirement requirement = Requirement.of(expression);
      if (requirement == null) {
        return null;
      }
      requirements.add(requirement);
    }
    requirements.sort(Comparator.comparing(Requirement::key));
    return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
  }

  /** One selector requirement; {@code operator} is the printed operator. */
  private record Requirement(String key, String operator, List<String> values) {

    Requirement(String key, String value) {
      this(key, "=", List.of(value));
    }

    static Requirement of(JsonNode expression) {
      String key = Fields.text(expression, "key");
      List<String> values = Fields.items(expression, "values").stream().map(Fields::text).toList();
      String operator =
          switch (Fields.text(expression, "operator")) {
            case "In" -> " in ";
            case "NotIn" -> " notin ";
            case "Exists" -> "";
            case "DoesNotExist" -> "!";
            default -> null;
          };
      boolean needsValues = operator != null && operator.startsWith(" ");
      if (operator == null || needsValues == values.isEmpty()) {
        return null;
      }
      return new Requirement(key, operator, values);
    }

    @Override
    public String toString() {
      return switch (operator) {
        case "" -> key;
        case "!" -> "!" + key;
        case "=" -> key + "=" + values.get(0);
        default -> key + operator + "(" + String.join(",", values.stream().sorted().toList()) + ")";
      };
    }
  }
}
