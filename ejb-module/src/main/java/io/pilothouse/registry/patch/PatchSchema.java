package io.pilothouse.registry.patch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The merge keys and strategies of one kind's fields, which upstream reads from the Go struct tags
 * ({@code patchStrategy:"merge" patchMergeKey:"name"}) of k8s.io/api. Entries are keyed by a field
 * path with list indices removed ({@code spec.containers.ports}) and match by path suffix, field by
 * field, longest suffix first: {@code spec.containers} applies to a Pod's {@code spec.containers}
 * and to a Deployment's {@code spec.template.spec.containers} alike. A field without an entry is
 * {@link FieldStrategy#ATOMIC_LIST}: its maps merge, its lists are replaced. Immutable and
 * thread-safe.
 */
public final class PatchSchema {

  private static final PatchSchema EMPTY = new PatchSchema(Map.of());

  private final Map<String, FieldStrategy> entries;
  private final Map<String, List<Suffix>> byLastField;

  private record Suffix(String[] fields, FieldStrategy strategy) {}

  private PatchSchema(Map<String, FieldStrategy> entries) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    Map<String, List<Suffix>> index = new HashMap<>();
    entries.forEach(
        (path, strategy) -> {
          String[] fields = path.split("\\.");
          index
              .computeIfAbsent(fields[fields.length - 1], k -> new ArrayList<>())
              .add(new Suffix(fields, strategy));
        });
    index.values().forEach(l -> l.sort(Comparator.comparingInt(s -> -s.fields().length)));
    this.byLastField = index;
  }

  /**
   * The schema of a kind this server serves, by API group ({@code ""} for the core group) and kind;
   * for any other kind, {@link #metadataOnly()}.
   */
  public static PatchSchema forKind(String group, String kind) {
    return KnownPatchSchemas.forKind(group == null ? "" : group, kind);
  }

  /** Only the {@code ObjectMeta} entries ({@code ownerReferences} by uid, {@code finalizers}). */
  public static PatchSchema metadataOnly() {
    return KnownPatchSchemas.METADATA;
  }

  /** A schema without entries: every map merges and every list is replaced. */
  public static PatchSchema empty() {
    return EMPTY;
  }

  /** This schema plus (or with a replaced) entry for the fields ending in {@code pathSuffix}. */
  public PatchSchema with(String pathSuffix, FieldStrategy strategy) {
    Map<String, FieldStrategy> copy = new LinkedHashMap<>(entries);
    copy.put(pathSuffix, strategy);
    return new PatchSchema(copy);
  }

  /** This schema plus all entries of {@code other}; {@code other}'s win where both have one. */
  public PatchSchema with(PatchSchema other) {
    Map<String, FieldStrategy> copy = new LinkedHashMap<>(entries);
    copy.putAll(other.entries);
    return new PatchSchema(copy);
  }

  /** The entries, path suffix to strategy, in the order they were added. */
  public Map<String, FieldStrategy> entries() {
    return entries;
  }

  /** The strategy of the field at a dotted path without list indices, e.g. {@code spec.ports}. */
  public FieldStrategy strategyFor(String dottedPath) {
    FieldPath path = FieldPath.ROOT;
    for (String field : dottedPath.split("\\.")) {
      path = path.child(field);
    }
    return strategyFor(path);
  }

  /** The strategy of the field at {@code path}. */
  public FieldStrategy strategyFor(FieldPath path) {
    if (path.isRoot()) {
      return FieldStrategy.ATOMIC_LIST;
    }
    List<Suffix> candidates = byLastField.get(path.name());
    if (candidates != null) {
      for (Suffix suffix : candidates) {
        if (path.endsWith(suffix.fields())) {
          return suffix.strategy();
        }
      }
    }
    return FieldStrategy.ATOMIC_LIST;
  }
}
