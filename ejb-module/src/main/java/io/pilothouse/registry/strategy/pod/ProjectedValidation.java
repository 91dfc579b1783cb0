package io.pilothouse.registry.strategy.pod;

import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Projected volumes, as upstream's {@code validateProjectionSources}: one kind per source, names
 * and items of secrets and config maps, downward API files, service account token lifetime and
 * path, and no two sources writing the same path.
 */
final class ProjectedValidation {

  private static final List<String> KINDS =
      List.of("secret", "configMap", "downwardAPI", "serviceAccountToken", "clusterTrustBundle");

  private ProjectedValidation() {}

  static List<FieldError> validate(JsonNode projected, String path) {
    List<FieldError> errs =
        new ArrayList<>(VolumeValidation.fileMode(projected, "defaultMode", path));
    Set<String> paths = new HashSet<>();
    List<JsonNode> sources = Trees.items(projected, "sources");
    for (int i = 0; i < sources.size(); i++) {
      JsonNode source = sources.get(i);
      String spath = path + ".sources[" + i + "]";
      int kinds = 0;
      for (String kind : KINDS) {
        JsonNode node = source.get(kind);
        if (node != null && !node.isNull()) {
          kinds++;
          errs.addAll(validateKind(kind, node, spath + "." + kind, path, paths));
        }
      }
      if (kinds > 1) {
        errs.add(FieldError.forbidden(spath, "may not specify more than 1 volume type per source"));
      }
    }
    return errs;
  }

  private static List<FieldError> validateKind(
      String kind, JsonNode node, String kpath, String path, Set<String> paths) {
    return switch (kind) {
      case "secret", "configMap" -> validateItems(node, kpath, path, paths);
      case "downwardAPI" -> validateDownwardApi(node, kpath, path, paths);
      case "serviceAccountToken" -> validateToken(node, kpath, path);
      default -> List.of();
    };
  }

  private static List<FieldError> validateItems(
      JsonNode node, String kpath, String path, Set<String> paths) {
    List<FieldError> errs = new ArrayList<>();
    if (Trees.text(node, "name", "").isEmpty()) {
      errs.add(FieldError.required(kpath + ".name"));
    }
    List<JsonNode> items = Trees.items(node, "items");
    for (int i = 0; i < items.size(); i++) {
      errs.addAll(VolumeValidation.validateKeyToPath(items.get(i), kpath + ".items[" + i + "]"));
      String itemPath = Trees.text(items.get(i), "path", "");
      if (!itemPath.isEmpty() && !paths.add(itemPath)) {
        errs.add(
            FieldError.invalid(path, Trees.text(node, "name", ""), "conflicting duplicate paths"));
      }
    }
    return errs;
  }

  private static List<FieldError> validateDownwardApi(
      JsonNode node, String kpath, String path, Set<String> paths) {
    List<FieldError> errs =
        new ArrayList<>(VolumeValidation.validateDownwardApi(node, kpath, kpath));
    for (JsonNode item : Trees.items(node, "items")) {
      String itemPath = Trees.text(item, "path", "");
      if (!itemPath.isEmpty() && !paths.add(itemPath)) {
        errs.add(FieldError.invalid(path, itemPath, "conflicting duplicate paths"));
      }
    }
    return errs;
  }

  private static List<FieldError> validateToken(JsonNode token, String kpath, String path) {
    List<FieldError> errs = new ArrayList<>();
    Long seconds = Trees.number(token, "expirationSeconds");
    long expiration = seconds == null ? 0 : seconds;
    if (expiration < 600) {
      errs.add(
          FieldError.invalid(
              kpath + ".expirationSeconds",
              expiration,
              "may not specify a duration less than 10 minutes"));
    }
    if (expiration > (1L << 32)) {
      errs.add(
          FieldError.invalid(
              kpath + ".expirationSeconds",
              expiration,
              "may not specify a duration larger than 2^32 seconds"));
    }
    String tokenPath = Trees.text(token, "path", "");
    if (tokenPath.isEmpty()) {
      errs.add(FieldError.required(path + ".path"));
    } else {
      errs.addAll(VolumeValidation.localNonReservedPath(tokenPath, path + ".path"));
    }
    return errs;
  }
}
