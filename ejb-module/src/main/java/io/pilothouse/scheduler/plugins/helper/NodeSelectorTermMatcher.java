package io.pilothouse.scheduler.plugins.helper;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One compiled node selector term: {@code matchExpressions} over node labels with In, NotIn,
 * Exists, DoesNotExist, Gt and Lt (integers), and {@code matchFields} over {@code metadata.name}
 * with In and NotIn. All requirements must hold. An empty term, or one with an invalid requirement,
 * matches no node (upstream treats the latter as a parse error).
 */
public final class NodeSelectorTermMatcher {

  private static final NodeSelectorTermMatcher NOTHING = new NodeSelectorTermMatcher(List.of());

  private record Requirement(boolean field, String key, String op, Set<String> values, long bound) {

    boolean matches(String nodeName, Map<String, String> labels) {
      String value = field ? nodeName : labels.get(key);
      return switch (op) {
        case "In" -> value != null && values.contains(value);
        case "NotIn" -> value == null || !values.contains(value);
        case "Exists" -> value != null;
        case "DoesNotExist" -> value == null;
        case "Gt" -> compare(value) > 0;
        case "Lt" -> compare(value) < 0;
        default -> false;
      };
    }

    /** Sign of value - bound, or 0 (no match either way) if value is absent or not a number. */
    private int compare(String value) {
      if (value == null) {
        return 0;
      }
      try {
        return Long.compare(Long.parseLong(value), bound);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }

  private final List<Requirement> requirements;

  private NodeSelectorTermMatcher(List<Requirement> requirements) {
    this.requirements = requirements;
  }

  public static NodeSelectorTermMatcher of(NodeSelectorTerm term) {
    if (term == null) {
      return NOTHING;
    }
    List<Requirement> requirements = new ArrayList<>();
    if (!addAll(requirements, term.getMatchExpressions(), false)
        || !addAll(requirements, term.getMatchFields(), true)
        || requirements.isEmpty()) {
      return NOTHING;
    }
    return new NodeSelectorTermMatcher(List.copyOf(requirements));
  }

  private static boolean addAll(
      List<Requirement> into, List<NodeSelectorRequirement> requirements, boolean field) {
    if (requirements == null) {
      return true;
    }
    for (NodeSelectorRequirement requirement : requirements) {
      Requirement compiled = compile(requirement, field);
      if (compiled == null) {
        return false;
      }
      into.add(compiled);
    }
    return true;
  }

  private static Requirement compile(NodeSelectorRequirement requirement, boolean field) {
    if (requirement == null || requirement.getKey() == null || requirement.getOperator() == null) {
      return null;
    }
    String op = requirement.getOperator();
    List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
    if (field && (!"metadata.name".equals(requirement.getKey()) || !isInOrNotIn(op))) {
      return null;
    }
    long bound = 0;
    switch (op) {
      case "In", "NotIn" -> {
        if (values.isEmpty()) {
          return null;
        }
      }
      case "Exists", "DoesNotExist" -> {
        if (!values.isEmpty()) {
          return null;
        }
      }
      case "Gt", "Lt" -> {
        if (values.size() != 1) {
          return null;
        }
        try {
          bound = Long.parseLong(values.get(0));
        } catch (NumberFormatException e) {
          return null;
        }
      }
      default -> {
        return null;
      }
    }
    return new Requirement(field, requirement.getKey(), op, Set.copyOf(values), bound);
  }

  private static boolean isInOrNotIn(String op) {
    return "In".equals(op) || "NotIn".equals(op);
  }

  public boolean matches(String nodeName, Map<String, String> labels) {
    if (requirements.isEmpty()) {
      return false;
    }
    for (Requirement requirement : requirements) {
      if (!requirement.matches(nodeName, labels)) {
        return false;
      }
    }
    return true;
  }
}
