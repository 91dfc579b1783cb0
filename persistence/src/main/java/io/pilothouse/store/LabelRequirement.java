package io.pilothouse.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One term of a label selector: a key, an operator and its values (sorted, distinct), matched as
 * upstream's {@code labels.Requirement}: {@code !=} and {@code notin} also match objects without
 * the key; {@code gt}/{@code lt} compare integer values and never match a missing or non-integer
 * label.
 */
public record LabelRequirement(String key, Operator operator, List<String> values) {

  /** The operators of the label selector syntax, with their upstream spelling. */
  public enum Operator {
    IN("in"),
    NOT_IN("notin"),
    EQUALS("="),
    DOUBLE_EQUALS("=="),
    NOT_EQUALS("!="),
    GREATER_THAN("gt"),
    LESS_THAN("lt"),
    EXISTS("exists"),
    DOES_NOT_EXIST("!");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /**
   * Label values that {@code gt} and {@code lt} treat as integers: digits only, at most 18 of them
   * so the SQL cast cannot overflow. The SQL path uses the same rule (see {@code SqlDialect}).
   */
  public static final Pattern INTEGER_VALUE = Pattern.compile("[0-9]{1,18}");

  public LabelRequirement {
    values = List.copyOf(new TreeSet<>(values));
  }

  /**
   * A validated requirement, as upstream's {@code NewRequirement}: the key must be a qualified
   * name, every value a label value, and the number of values must suit the operator.
   *
   * @throws InvalidSelectorException with upstream's message when a rule is broken
   */
  public static LabelRequirement of(String key, Operator operator, Collection<String> values) {
    LabelRequirement r = new LabelRequirement(key, operator, List.copyOf(values));
    List<String> errors = new ArrayList<>();
    List<String> keyErrors = LabelValidation.labelKeyErrors(key);
    if (!keyErrors.isEmpty()) {
      errors.add(LabelValidation.invalid("key", key, keyErrors));
    }
    String countError = countError(operator, r.values.size());
    if (countError != null) {
      errors.add("values: Invalid value: " + r.values + ": " + countError);
    }
    for (int i = 0; i < r.values.size(); i++) {
      if ((operator == Operator.GREATER_THAN || operator == Operator.LESS_THAN)
          && !isLong(r.values.get(i))) {
        errors.add(
            LabelValidation.invalid(
                "values[" + i + "]",
                r.values.get(i),
                List.of("for 'Gt', 'Lt' operators, the value must be an integer")));
      }
    }
    for (int i = 0; i < r.values.size(); i++) {
      List<String> valueErrors = LabelValidation.labelValueErrors(r.values.get(i));
      if (!valueErrors.isEmpty()) {
        errors.add(
            LabelValidation.invalid(
                "values[" + i + "][" + key + "]", r.values.get(i), valueErrors));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidSelectorException(LabelValidation.aggregate(errors));
    }
    return r;
  }

  private static String countError(Operator operator, int count) {
    return switch (operator) {
      case IN, NOT_IN ->
          count == 0 ? "for 'in', 'notin' operators, values set can't be empty" : null;
      case EQUALS, DOUBLE_EQUALS, NOT_EQUALS ->
          count != 1 ? "exact-match compatibility requires one single value" : null;
      case EXISTS, DOES_NOT_EXIST ->
          count != 0 ? "values set must be empty for exists and does not exist" : null;
      case GREATER_THAN, LESS_THAN ->
          count != 1 ? "for 'Gt', 'Lt' operators, exactly one value is required" : null;
    };
  }

  private static boolean isLong(String value) {
    try {
      Long.parseLong(value);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Whether a label set satisfies this requirement (upstream {@code Requirement.Matches}). */
  public boolean matches(Map<String, String> labels) {
    String value = labels.get(key);
    return switch (operator) {
      case IN, EQUALS, DOUBLE_EQUALS -> value != null && values.contains(value);
      case NOT_IN, NOT_EQUALS -> value == null || !values.contains(value);
      case EXISTS -> value != null;
      case DOES_NOT_EXIST -> value == null;
      case GREATER_THAN, LESS_THAN -> compares(value);
    };
  }

  private boolean compares(String value) {
    if (value == null || !INTEGER_VALUE.matcher(value).matches()) {
      return false;
    }
    long actual = Long.parseLong(value);
    long bound = threshold();
    return operator == Operator.GREATER_THAN ? actual > bound : actual < bound;
  }

  /** The integer bound of a {@code gt}/{@code lt} requirement. */
  public long threshold() {
    return Long.parseLong(values.get(0));
  }

  @Override
  public String toString() {
    return switch (operator) {
      case EXISTS -> key;
      case DOES_NOT_EXIST -> "!" + key;
      case IN, NOT_IN -> key + " " + operator.symbol + " (" + String.join(",", values) + ")";
      case GREATER_THAN -> key + ">" + values.get(0);
      case LESS_THAN -> key + "<" + values.get(0);
      default -> key + operator.symbol + values.get(0);
    };
  }
}
