package io.pilothouse.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A parsed label selector: requirements ANDed together, sorted by key as upstream sorts them. The
 * list verb turns it into SQL over the label table; the watch path calls {@link #matches(Map)};
 * both follow upstream semantics, so an object is selected the same way by both.
 */
public final class LabelSelector {

  private static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  private final List<LabelRequirement> requirements;

  private LabelSelector(List<LabelRequirement> requirements) {
    List<LabelRequirement> sorted = new ArrayList<>(requirements);
    sorted.sort(Comparator.comparing(LabelRequirement::key));
    this.requirements = List.copyOf(sorted);
  }

  /**
   * Parses the string form ({@code app=web,tier in (a,b),!canary}); {@code null} or blank selects
   * everything.
   *
   * @throws InvalidSelectorException with upstream's message when the string is malformed
   */
  public static LabelSelector parse(String selector) {
    if (selector == null || selector.isBlank()) {
      return EVERYTHING;
    }
    return new LabelSelector(LabelSelectorParser.parse(selector));
  }

  /** The selector that selects every object. */
  public static LabelSelector everything() {
    return EVERYTHING;
  }

  /** A selector from requirements built elsewhere (e.g. a {@code matchExpressions} list). */
  public static LabelSelector of(List<LabelRequirement> requirements) {
    return requirements.isEmpty() ? EVERYTHING : new LabelSelector(requirements);
  }

  /** The {@code matchLabels} form: every label must equal the given value. */
  public static LabelSelector ofLabels(Map<String, String> labels) {
    List<LabelRequirement> reqs = new ArrayList<>();
    labels.forEach(
        (k, v) -> reqs.add(LabelRequirement.of(k, LabelRequirement.Operator.EQUALS, List.of(v))));
    return of(reqs);
  }

  public List<LabelRequirement> requirements() {
    return requirements;
  }

  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  /** Whether a label set satisfies every requirement; {@code null} labels count as none. */
  public boolean matches(Map<String, String> labels) {
    Map<String, String> actual = labels == null ? Map.of() : labels;
    for (LabelRequirement r : requirements) {
      if (!r.matches(actual)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return requirements.stream().map(LabelRequirement::toString).collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelSelector other && requirements.equals(other.requirements);
  }

  @Override
  public int hashCode() {
    return requirements.hashCode();
  }
}
