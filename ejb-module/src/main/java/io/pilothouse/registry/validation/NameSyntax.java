package io.pilothouse.registry.validation;

/**
 * The character-level grammars behind {@link Names}' formats, checked by hand: every create and
 * update validates a dozen names, label keys and values, and the equivalent regular expressions
 * were a tenth of an API request thread's CPU (2026-11-29). Each method accepts exactly what its
 * format in {@link Names} ({@code *_FMT}, still quoted in the messages) matches; {@code
 * NameSyntaxTest} holds them to that.
 */
final class NameSyntax {

  private NameSyntax() {}

  /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?}. */
  static boolean dns1123Label(String s) {
    return dns1123Label(s, 0, s.length());
  }

  /** {@code [a-z]([-a-z0-9]*[a-z0-9])?}. */
  static boolean dns1035Label(String s) {
    return !s.isEmpty() && isLower(s.charAt(0)) && dns1123Label(s);
  }

  /** DNS-1123 labels joined by single dots. */
  static boolean dns1123Subdomain(String s) {
    int start = 0;
    for (int dot = s.indexOf('.'); dot >= 0; dot = s.indexOf('.', start)) {
      if (!dns1123Label(s, start, dot)) {
        return false;
      }
      start = dot + 1;
    }
    return dns1123Label(s, start, s.length());
  }

  /** {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]}. */
  static boolean qualifiedName(String s) {
    int last = s.length() - 1;
    if (last < 0 || !isAlnum(s.charAt(0)) || !isAlnum(s.charAt(last))) {
      return false;
    }
    for (int i = 1; i < last; i++) {
      char c = s.charAt(i);
      if (!isAlnum(c) && c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
    return true;
  }

  /** The empty string or a qualified name. */
  static boolean labelValue(String s) {
    return s.isEmpty() || qualifiedName(s);
  }

  private static boolean dns1123Label(String s, int from, int to) {
    if (from >= to || !isLowerAlnum(s.charAt(from)) || !isLowerAlnum(s.charAt(to - 1))) {
      return false;
    }
    for (int i = from + 1; i < to - 1; i++) {
      char c = s.charAt(i);
      if (!isLowerAlnum(c) && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isLowerAlnum(char c) {
    return isLower(c) || (c >= '0' && c <= '9');
  }

  private static boolean isAlnum(char c) {
    return isLowerAlnum(c) || (c >= 'A' && c <= 'Z');
  }
}
