package io.pilothouse.scheduler.framework;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A compiled label selector ({@code matchLabels} + {@code matchExpressions} with In, NotIn, Exists,
 * DoesNotExist), as upstream's {@code metav1.LabelSelectorAsSelector}: a null selector matches
 * nothing, an empty one matches everything. An invalid selector (unknown operator, In without
 * values) matches nothing and is logged, so a bad object leaves its pod Pending rather than
 * breaking the scheduler.
 */
public final class Selector {

  private static final Logger LOG = Logger.getLogger(Selector.class.getName());

  /** Matches no labels at all (a null selector). */
  public static final Selector NOTHING = new Selector(List.of(), false);

  /** Matches every set of labels (an empty selector). */
  public static final Selector EVERYTHING = new Selector(List.of(), true);

  private enum Op {
    IN,
    NOT_IN,
    EXISTS,
    DOES_NOT_EXIST
  }

  private record Requirement(String key, Op op, Set<String> values) {
    boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (op) {
        case IN -> value != null && values.contains(value);
        case NOT_IN -> value == null || !values.contains(value);
        case EXISTS -> value != null;
        case DOES_NOT_EXIST -> value == null;
      };
    }
  }

  private final List<Requirement> requirements;
  private final boolean matchesAnything;
  private final String canonical;

  private Selector(List<Requirement> requirements, boolean matchesAnything) {
    this.requirements = requirements;
    this.matchesAnything = matchesAnything;
    this.canonical = canonical(requirements, matchesAnything);
  }

  private static String canonical(List<Requirement> requirements, boolean matchesAnything) {
    if (!matchesAnything) {
      return "<nothing>";
    }
    List<String> parts = new ArrayList<>(requirements.size());
    for (Requirement requirement : requirements) {
      parts.add(
          requirement.key
              + " "
              + requirement.op
              + " "
              + new java.util.TreeSet<>(requirement.values));
    }
    parts.sort(null);
    return String.join(",", parts);
  }

  /** Compiles a selector; null compiles to {@link #NOTHING}. */
  public static Selector of(LabelSelector selector) {
    if (selector == null) {
      return NOTHING;
    }
    List<Requirement> requirements = new ArrayList<>();
    if (selector.getMatchLabels() != null) {
      selector
          .getMatchLabels()
          .forEach((key, value) -> requirements.add(new Requirement(key, Op.IN, Set.of(value))));
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement expression : selector.getMatchExpressions()) {
        Requirement requirement = compile(expression);
        if (requirement == null) {
          LOG.warning(() -> "invalid label selector requirement, matching nothing: " + expression);
          return NOTHING;
        }
        requirements.add(requirement);
      }
    }
    return requirements.isEmpty() ? EVERYTHING : new Selector(List.copyOf(requirements), true);
  }

  private static Requirement compile(LabelSelectorRequirement expression) {
    if (expression == null || expression.getKey() == null || expression.getOperator() == null) {
      return null;
    }
    List<String> values = expression.getValues() == null ? List.of() : expression.getValues();
    Op op =
        switch (expression.getOperator()) {
          case "In" -> Op.IN;
          case "NotIn" -> Op.NOT_IN;
          case "Exists" -> Op.EXISTS;
          case "DoesNotExist" -> Op.DOES_NOT_EXIST;
          default -> null;
        };
    if (op == null || (op == Op.IN || op == Op.NOT_IN) == values.isEmpty()) {
      return null;
    }
    return new Requirement(expression.getKey(), op, Set.copyOf(values));
  }

  /** This selector with one more requirement {@code key in (value)} (matchLabelKeys). */
  public Selector and(String key, String value) {
    if (!matchesAnything) {
      return this;
    }
    List<Requirement> more = new ArrayList<>(requirements);
    more.add(new Requirement(key, Op.IN, Set.of(value)));
    return new Selector(List.copyOf(more), true);
  }

  public boolean matches(Map<String, String> labels) {
    if (!matchesAnything) {
      return false;
    }
    for (Requirement requirement : requirements) {
      if (!requirement.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the selector can match anything at all. */
  public boolean isNothing() {
    return !matchesAnything;
  }

  /** A canonical text of the selector: equal for selectors that select the same labels. */
  public String canonical() {
    return canonical;
  }

  @Override
  public String toString() {
    return canonical;
  }
}
