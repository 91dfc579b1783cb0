package io.pilothouse.registry.apply;

import io.pilothouse.json.KubernetesJson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A set of field paths owned by one field manager, as upstream's structured-merge-diff {@code
 * fieldpath.Set}, with its wire form {@code FieldsV1}: nested objects whose keys are path elements
 * ({@code f:name} a field, {@code k:{"name":"web"}} a list item by its key, {@code v:"x"} a value
 * of a set-like list, {@code .} the list item itself) and whose leaves are empty objects. A path is
 * the list of its elements from the root. Immutable.
 */
public final class FieldSet {

  /** The element that marks a list item itself, beside its fields. */
  public static final String SELF = ".";

  private static final FieldSet EMPTY = new FieldSet(Set.of());
  private static final Comparator<List<String>> ORDER =
      (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
          int c = a.get(i).compareTo(b.get(i));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(a.size(), b.size());
      };

  private final Set<List<String>> paths;

  private FieldSet(Set<List<String>> paths) {
    this.paths = paths;
  }

  /** Whether {@code path} names a list item itself (ends in {@value #SELF}). */
  public static boolean isItem(List<String> path) {
    return !path.isEmpty() && path.get(path.size() - 1).equals(SELF);
  }

  /** The path of what {@code path} names: an item's path without its {@value #SELF}. */
  public static List<String> withoutSelf(List<String> path) {
    return isItem(path) ? path.subList(0, path.size() - 1) : path;
  }

  /** The empty set. */
  public static FieldSet empty() {
    return EMPTY;
  }

  /** A set of the given paths. */
  public static FieldSet of(Collection<List<String>> paths) {
    if (paths.isEmpty()) {
      return EMPTY;
    }
    Set<List<String>> copy = new LinkedHashSet<>();
    paths.forEach(path -> copy.add(List.copyOf(path)));
    return new FieldSet(Collections.unmodifiableSet(copy));
  }

  /**
   * Reads a {@code fieldsV1} object.
   *
   * @throws IllegalArgumentException when it is not an object of objects
   */
  public static FieldSet fromFieldsV1(JsonNode fields) {
    if (fields == null || fields.isNull()) {
      return EMPTY;
    }
    if (!fields.isObject()) {
      throw new IllegalArgumentException("fieldsV1 must be an object");
    }
    List<List<String>> out = new ArrayList<>();
    read(fields, new ArrayList<>(), out);
    return of(out);
  }

  private static void read(JsonNode node, List<String> path, List<List<String>> out) {
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      JsonNode child = entry.getValue();
      if (!child.isObject()) {
        throw new IllegalArgumentException("fieldsV1 values must be objects");
      }
      path.add(entry.getKey());
      if (child.isEmpty() || entry.getKey().equals(SELF)) {
        out.add(new ArrayList<>(path));
      } else {
        read(child, path, out);
      }
      path.remove(path.size() - 1);
    }
  }

  /** The {@code fieldsV1} object of this set, elements in upstream's sorted order. */
  public ObjectNode toFieldsV1() {
    ObjectNode root = KubernetesJson.mapper().createObjectNode();
    List<List<String>> sorted = new ArrayList<>(paths);
    sorted.sort(ORDER);
    for (List<String> path : sorted) {
      ObjectNode at = root;
      for (String element : path) {
        JsonNode next = at.get(element);
        at = next instanceof ObjectNode object ? object : at.putObject(element);
      }
    }
    return root;
  }

  /** The paths, each a list of elements from the root. */
  public Set<List<String>> paths() {
    return paths;
  }

  public boolean isEmpty() {
    return paths.isEmpty();
  }

  public boolean contains(List<String> path) {
    return paths.contains(path);
  }

  /** Whether some path of this set starts with {@code prefix} (or is it). */
  public boolean hasPathUnder(List<String> prefix) {
    for (List<String> path : paths) {
      if (path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix)) {
        return true;
      }
    }
    return false;
  }

  public FieldSet union(FieldSet other) {
    if (other.isEmpty()) {
      return this;
    }
    Set<List<String>> all = new LinkedHashSet<>(paths);
    all.addAll(other.paths);
    return of(all);
  }

  public FieldSet minus(FieldSet other) {
    return other.isEmpty() ? this : filter(path -> !other.paths.contains(path));
  }

  public FieldSet intersect(FieldSet other) {
    return filter(other.paths::contains);
  }

  /** The paths that {@code keep} accepts. */
  public FieldSet filter(Predicate<List<String>> keep) {
    List<List<String>> kept = new ArrayList<>();
    for (List<String> path : paths) {
      if (keep.test(path)) {
        kept.add(path);
      }
    }
    return kept.size() == paths.size() ? this : of(kept);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FieldSet set && set.paths.equals(paths);
  }

  @Override
  public int hashCode() {
    return paths.hashCode();
  }

  @Override
  public String toString() {
    return paths.stream().map(FieldPaths::describe).sorted().toList().toString();
  }
}
