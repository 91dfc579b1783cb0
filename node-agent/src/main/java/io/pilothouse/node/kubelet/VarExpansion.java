package io.pilothouse.node.kubelet;

import java.util.List;
import java.util.function.Function;

/**
 * Kubernetes' {@code $(VAR)} expansion for command, args and env values: a defined variable is
 * replaced, an undefined one is left as written, and {@code $$} escapes a dollar.
 */
public final class VarExpansion {

  private VarExpansion() {}

  public static String expand(String input, Function<String, String> lookup) {
    if (input == null || input.indexOf('$') < 0) {
      return input;
    }
    StringBuilder out = new StringBuilder(input.length());
    int i = 0;
    while (i < input.length()) {
      char c = input.charAt(i);
      if (c != '$' || i + 1 >= input.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = input.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '(' && input.indexOf(')', i + 2) > 0) {
        int close = input.indexOf(')', i + 2);
        String name = input.substring(i + 2, close);
        String value = lookup.apply(name);
        out.append(value != null ? value : "$(" + name + ")");
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  public static List<String> expandAll(List<String> inputs, Function<String, String> lookup) {
    return inputs == null ? null : inputs.stream().map(s -> expand(s, lookup)).toList();
  }
}
