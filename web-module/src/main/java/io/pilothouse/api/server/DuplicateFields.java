package io.pilothouse.api.server;

import io.pilothouse.json.KubernetesJson;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Finds the fields a JSON body names twice in one object ({@code duplicate field "spec.replicas"}),
 * which a tree parser silently resolves to the last value: kube-apiserver refuses them under {@code
 * fieldValidation=Strict} and warns about them under {@code Warn}.
 */
final class DuplicateFields {

  private DuplicateFields() {}

  /** The duplicated fields' paths, upstream style, in body order; empty for a clean body. */
  static List<String> find(String json) {
    List<String> duplicates = new ArrayList<>();
    Deque<Scope> scopes = new ArrayDeque<>();
    try (JsonParser parser = KubernetesJson.mapper().createParser(json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case START_OBJECT, START_ARRAY -> scopes.push(new Scope(path(scopes, parser)));
          case END_OBJECT, END_ARRAY -> scopes.pop();
          case PROPERTY_NAME -> {
            Scope scope = scopes.peek();
            if (!scope.names.add(parser.currentName())) {
              duplicates.add(join(scope.path, parser.currentName()));
            }
          }
          default -> {
            // values need no check
          }
        }
      }
    }
    return duplicates;
  }

  /** The path of the value the parser is at, inside the enclosing scope. */
  private static String path(Deque<Scope> scopes, JsonParser parser) {
    Scope parent = scopes.peek();
    if (parent == null) {
      return "";
    }
    var context = parser.streamReadContext().getParent();
    if (context != null && context.inArray()) {
      return parent.path + "[" + context.getCurrentIndex() + "]";
    }
    return join(parent.path, parser.currentName());
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** One object or array being read: its path and the names seen in it so far. */
  private record Scope(String path, Set<String> names) {
    Scope(String path) {
      this(path, new HashSet<>());
    }
  }
}
