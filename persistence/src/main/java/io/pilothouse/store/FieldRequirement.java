package io.pilothouse.store;

/**
 * One term of a field selector: a field path ({@code metadata.name}, {@code spec.nodeName}, {@code
 * involvedObject.uid}, ...), an operator and the unescaped value. A field the object lacks counts
 * as {@code ""}, as upstream's {@code fields.Set.Get} does.
 */
public record FieldRequirement(String field, Operator operator, String value) {

  /** The field selector operators, with their spelling. */
  public enum Operator {
    EQUALS("="),
    DOUBLE_EQUALS("=="),
    NOT_EQUALS("!=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /** {@code field=value}. */
  public static FieldRequirement equal(String field, String value) {
    return new FieldRequirement(field, Operator.EQUALS, value);
  }

  /** Whether the actual value ({@code null} when the object lacks the field) satisfies the term. */
  public boolean matches(String actual) {
    boolean equal = value.equals(actual == null ? "" : actual);
    return operator == Operator.NOT_EQUALS ? !equal : equal;
  }

  /** Whether this term tests equality (as opposed to {@code !=}). */
  public boolean isEquality() {
    return operator != Operator.NOT_EQUALS;
  }

  @Override
  public String toString() {
    return field + operator.symbol + FieldSelector.escapeValue(value);
  }
}
