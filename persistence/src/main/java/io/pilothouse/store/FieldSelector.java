package io.pilothouse.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A parsed field selector ({@code spec.nodeName=n1,status.phase!=Running}): terms ANDed together,
 * with upstream's syntax, escaping ({@code \,} {@code \=} {@code \\}) and messages. {@code
 * metadata.name} and {@code metadata.namespace} are answered from the object key; every other path
 * from the fields the registry indexed. Which paths a resource supports is the registry's call (it
 * reads {@link #requirements()}); the store answers any path.
 */
public final class FieldSelector {

  public static final String METADATA_NAME = "metadata.name";
  public static final String METADATA_NAMESPACE = "metadata.namespace";

  private static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  private final List<FieldRequirement> requirements;

  private FieldSelector(List<FieldRequirement> requirements) {
    this.requirements = List.copyOf(requirements);
  }

  /**
   * Parses the string form; {@code null} or empty selects everything.
   *
   * @throws InvalidSelectorException with upstream's message when the string is malformed
   */
  public static FieldSelector parse(String selector) {
    if (selector == null || selector.isEmpty()) {
      return EVERYTHING;
    }
    List<String> parts = splitTerms(selector);
    Collections.sort(parts);
    List<FieldRequirement> terms = new ArrayList<>();
    for (String part : parts) {
      if (!part.isEmpty()) {
        terms.add(parseTerm(selector, part));
      }
    }
    return new FieldSelector(terms);
  }

  public static FieldSelector everything() {
    return EVERYTHING;
  }

  public static FieldSelector of(List<FieldRequirement> requirements) {
    return requirements.isEmpty() ? EVERYTHING : new FieldSelector(requirements);
  }

  public List<FieldRequirement> requirements() {
    return requirements;
  }

  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  /** Matches an object by its key (for the {@code metadata.*} fields) and its indexed fields. */
  public boolean matches(ObjectKey key, Map<String, String> fields) {
    for (FieldRequirement r : requirements) {
      if (!r.matches(valueOf(r.field(), key, fields))) {
        return false;
      }
    }
    return true;
  }

  /** Matches a plain field set that itself holds {@code metadata.name} and the like. */
  public boolean matches(Map<String, String> fields) {
    for (FieldRequirement r : requirements) {
      if (!r.matches(fields.get(r.field()))) {
        return false;
      }
    }
    return true;
  }

  private static String valueOf(String field, ObjectKey key, Map<String, String> fields) {
    return switch (field) {
      case METADATA_NAME -> key.name();
      case METADATA_NAMESPACE -> key.namespace();
      default -> fields == null ? null : fields.get(field);
    };
  }

  private static List<String> splitTerms(String selector) {
    List<String> terms = new ArrayList<>();
    int start = 0;
    boolean inSlash = false;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (inSlash) {
        inSlash = false;
      } else if (c == '\\') {
        inSlash = true;
      } else if (c == ',') {
        terms.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    terms.add(selector.substring(start));
    return terms;
  }

  private static FieldRequirement parseTerm(String selector, String term) {
    for (int i = 0; i < term.length(); i++) {
      for (FieldRequirement.Operator op : OPERATOR_ORDER) {
        if (term.startsWith(op.symbol(), i)) {
          String rhs = unescapeValue(term.substring(i + op.symbol().length()));
          return new FieldRequirement(term.substring(0, i), op, rhs);
        }
      }
    }
    throw new InvalidSelectorException(
        "invalid selector: '" + selector + "'; can't understand '" + term + "'");
  }

  private static final List<FieldRequirement.Operator> OPERATOR_ORDER =
      List.of(
          FieldRequirement.Operator.NOT_EQUALS,
          FieldRequirement.Operator.DOUBLE_EQUALS,
          FieldRequirement.Operator.EQUALS);

  /** Upstream's {@code fields.EscapeValue}: prefixes {@code \ , =} with a backslash. */
  public static String escapeValue(String value) {
    return value.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
  }

  /** Upstream's {@code fields.UnescapeValue}, with its error messages. */
  static String unescapeValue(String s) {
    StringBuilder v = new StringBuilder(s.length());
    boolean inSlash = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inSlash) {
        if (c != '\\' && c != ',' && c != '=') {
          throw new InvalidSelectorException(
              "invalid field selector: invalid escape sequence: \\" + c);
        }
        v.append(c);
        inSlash = false;
      } else if (c == '\\') {
        inSlash = true;
      } else if (c == ',' || c == '=') {
        // upstream prints the rune with %v, i.e. its code point number
        throw new InvalidSelectorException(
            "invalid field selector: unescaped character in value: " + (int) c);
      } else {
        v.append(c);
      }
    }
    if (inSlash) {
      throw new InvalidSelectorException("invalid field selector: invalid escape sequence: \\");
    }
    return v.toString();
  }

  @Override
  public String toString() {
    return requirements.stream().map(FieldRequirement::toString).collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSelector other && requirements.equals(other.requirements);
  }

  @Override
  public int hashCode() {
    return requirements.hashCode();
  }
}
