package io.pilothouse.openapi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The list, map and patch semantics, required fields and hidden types of the schemas served, as
 * k8s.io/api and k8s.io/apimachinery declare them (see {@link UpstreamTraitTable}): the part of
 * kube-apiserver's OpenAPI that fabric8's classes do not carry at run time.
 */
final class UpstreamTraits {

  private static final Map<String, FieldTraits> FIELDS = new HashMap<>();
  private static final Map<String, List<String>> REQUIRED = new HashMap<>();

  static {
    UpstreamTraitTable.TABLE
        .lines()
        .map(line -> line.split(" "))
        .forEach(
            cols -> {
              String schema = expand(cols[0]);
              String field = cols[1].equals("-") ? "" : cols[1];
              if (cols[2].startsWith("required=")) {
                REQUIRED.put(schema, List.of(cols[2].substring(9).split(",")));
              } else {
                FIELDS.put(schema + "|" + field, FieldTraits.parse(cols[2]));
              }
            });
  }

  private UpstreamTraits() {}

  /** The traits of {@code field} of {@code schema} ({@code ""} for the type's own). */
  static FieldTraits field(String schema, String field) {
    return FIELDS.getOrDefault(schema + "|" + field, FieldTraits.NONE);
  }

  /** The properties upstream marks required (neither {@code omitempty} nor {@code +optional}). */
  static List<String> required(String schema) {
    return REQUIRED.getOrDefault(schema, List.of());
  }

  /** {@code core.v1.Pod} to {@code io.k8s.api.core.v1.Pod}, {@code meta.Time} to its full name. */
  static String expand(String name) {
    return name.startsWith("meta.")
        ? SchemaNames.META + name.substring(5)
        : name.startsWith("io.") ? name : "io.k8s.api." + name;
  }
}
