package io.pilothouse.openapi;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.Status;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.ResourceTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The served API as both OpenAPI documents describe it, before either renders it: the paths of each
 * group version ({@code api/v1}, {@code apis/apps/v1}...) and the catalog of schemas they name.
 * Built once from the {@link ResourceTypes} catalog.
 */
final class ApiModel {

  private final SchemaCatalog catalog = new SchemaCatalog();
  private final Map<String, List<ApiPath>> paths = new LinkedHashMap<>();

  private ApiModel() {}

  /** The model of everything {@code types} serves. */
  static ApiModel of(ResourceTypes types) {
    ApiModel model = new ApiModel();
    Kinds kinds = new Kinds(model.catalog);
    model.catalog.add(Status.class);
    kinds.tag(SchemaNames.STATUS, new Gvk("", "v1", "Status"));
    model.catalog.add(DeleteOptions.class);
    model.catalog.addSpecial(SchemaNames.PATCH);
    for (ResourceType type : types.all()) {
      model
          .paths
          .computeIfAbsent(key(type.group(), type.version()), k -> new ArrayList<>())
          .addAll(new ResourcePaths(type, kinds).paths());
      kinds.tag(SchemaNames.DELETE_OPTIONS, new Gvk(type.group(), type.version(), "DeleteOptions"));
    }
    return model;
  }

  /** {@code api/v1} for the core group, {@code apis/apps/v1} for a named one. */
  static String key(String group, String version) {
    return group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
  }

  /** The tag of a group version's operations: {@code core_v1}, {@code apps_v1}... */
  static String tag(String key) {
    String[] parts = key.split("/");
    String group = parts.length == 2 ? "core" : parts[1].split("\\.")[0];
    return group + "_" + parts[parts.length - 1];
  }

  /** The paths of each group version, by {@link #key}, in discovery order. */
  Map<String, List<ApiPath>> groupVersions() {
    return Collections.unmodifiableMap(paths);
  }

  /** The catalog of every schema the paths name and all they reference. */
  SchemaCatalog catalog() {
    return catalog;
  }

  /** The schemas the operations of {@code paths} name directly. */
  static Set<String> schemasOf(List<ApiPath> paths) {
    Set<String> names = new TreeSet<>();
    for (ApiPath path : paths) {
      for (ApiOperation operation : path.operations()) {
        if (operation.bodySchema() != null) {
          names.add(operation.bodySchema());
        }
        if (operation.responseSchema() != null) {
          names.add(operation.responseSchema());
        }
      }
    }
    return names;
  }
}
