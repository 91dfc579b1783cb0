package io.pilothouse.controller.util;

import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.pilothouse.store.InvalidSelectorException;
import io.pilothouse.store.LabelRequirement;
import io.pilothouse.store.LabelRequirement.Operator;
import io.pilothouse.store.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns an API object's selector ({@code matchLabels} plus {@code matchExpressions}, or a Service's
 * plain map) into the store's {@link LabelSelector}, which both matches label sets and prints the
 * string a list call takes, as upstream's {@code metav1.LabelSelectorAsSelector}.
 */
public final class Selectors {

  private Selectors() {}

  /**
   * The selector, or null when it selects nothing: a null selector, or one the API should have
   * refused (a controller then leaves the object alone rather than failing).
   */
  public static LabelSelector of(io.fabric8.kubernetes.api.model.LabelSelector selector) {
    if (selector == null) {
      return null;
    }
    try {
      List<LabelRequirement> requirements = new ArrayList<>();
      if (selector.getMatchLabels() != null) {
        selector
            .getMatchLabels()
            .forEach(
                (k, v) -> requirements.add(LabelRequirement.of(k, Operator.EQUALS, List.of(v))));
      }
      if (selector.getMatchExpressions() != null) {
        for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
          List<String> values = r.getValues() == null ? List.of() : r.getValues();
          requirements.add(LabelRequirement.of(r.getKey(), operator(r.getOperator()), values));
        }
      }
      return LabelSelector.of(requirements);
    } catch (InvalidSelectorException | IllegalArgumentException e) {
      return null;
    }
  }

  /** A Service's selector map; null or empty selects nothing (the Service is not managed). */
  public static LabelSelector ofService(Map<String, String> selector) {
    return selector == null || selector.isEmpty() ? null : LabelSelector.ofLabels(selector);
  }

  private static Operator operator(String operator) {
    return switch (operator) {
      case "In" -> Operator.IN;
      case "NotIn" -> Operator.NOT_IN;
      case "Exists" -> Operator.EXISTS;
      case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
      default -> throw new IllegalArgumentException("unknown operator " + operator);
    };
  }
}
