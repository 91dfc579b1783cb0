package io.pilothouse.registry.strategy.pod;

import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.Names;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A pod's volumes, as upstream's {@code ValidateVolumes} and {@code validateVolumeSource}: unique
 * DNS-1123 names, exactly one source, the required fields of the common sources, file modes and
 * relative item paths. Container mounts are checked by {@link MountValidation}.
 */
final class VolumeValidation {

  static final String FILE_MODE_ERROR =
      "must be a number between 0 and 0777 (octal), both inclusive";
  private static final List<String> HOST_PATH_TYPES =
      List.of(
          "",
          "BlockDevice",
          "CharDevice",
          "Directory",
          "DirectoryOrCreate",
          "File",
          "FileOrCreate",
          "Socket");

  private VolumeValidation() {}

  /** Validates {@code spec.volumes} into {@code errs}; returns the valid volumes by name. */
  static Map<String, JsonNode> validateVolumes(JsonNode spec, String path, List<FieldError> errs) {
    Map<String, JsonNode> volumes = new LinkedHashMap<>();
    List<JsonNode> list = Trees.items(spec, "volumes");
    for (int i = 0; i < list.size(); i++) {
      JsonNode volume = list.get(i);
      String vpath = path + "[" + i + "]";
      String name = Trees.text(volume, "name", "");
      List<FieldError> found = new ArrayList<>(validateSource(volume, vpath));
      if (name.isEmpty()) {
        found.add(FieldError.required(vpath + ".name"));
      } else {
        Names.dns1123Label(name)
            .forEach(msg -> found.add(FieldError.invalid(vpath + ".name", name, msg)));
      }
      if (volumes.containsKey(name)) {
        found.add(FieldError.duplicate(vpath + ".name", name));
      }
      if (found.isEmpty()) {
        volumes.put(name, volume);
      } else {
        errs.addAll(found);
      }
    }
    return volumes;
  }

  private static List<FieldError> validateSource(JsonNode volume, String path) {
    List<FieldError> errs = new ArrayList<>();
    int sources = 0;
    for (String source : PodSpecDefaults.VOLUME_SOURCES) {
      JsonNode node = volume.get(source);
      if (node == null || node.isNull()) {
        continue;
      }
      if (sources > 0) {
        errs.add(
            FieldError.forbidden(
                path + "." + forbiddenName(source), "may not specify more than 1 volume type"));
        continue;
      }
      sources++;
      errs.addAll(validateSourceFields(source, node, path + "." + source));
    }
    if (sources == 0) {
      errs.add(FieldError.required(path, "must specify a volume type"));
    }
    return errs;
  }

  /** Upstream names two sources differently in this one message. */
  private static String forbiddenName(String source) {
    return switch (source) {
      case "downwardAPI" -> "downwarAPI";
      case "cephfs" -> "cephFS";
      default -> source;
    };
  }

  private static List<FieldError> validateSourceFields(String source, JsonNode node, String path) {
    return switch (source) {
      case "hostPath" -> validateHostPath(node, path);
      case "secret" -> validateProjection(node, "secretName", path);
      case "configMap" -> validateProjection(node, "name", path);
      case "persistentVolumeClaim" -> required(node, "claimName", path);
      case "nfs" -> validateNfs(node, path);
      case "downwardAPI" -> validateDownwardApi(node, path, path);
      case "projected" -> ProjectedValidation.validate(node, path);
      case "ephemeral" -> required(node, "volumeClaimTemplate", path);
      case "csi" -> required(node, "driver", path);
      case "gitRepo" -> required(node, "repository", path);
      default -> List.of();
    };
  }

  private static List<FieldError> validateHostPath(JsonNode hostPath, String path) {
    String value = Trees.text(hostPath, "path", "");
    if (value.isEmpty()) {
      return List.of(FieldError.required(path + ".path"));
    }
    List<FieldError> errs = new ArrayList<>(noBacksteps(value, path + ".path"));
    String type = Trees.text(hostPath, "type");
    if (type != null && !HOST_PATH_TYPES.contains(type)) {
      errs.add(FieldError.notSupported(path + ".type", type, HOST_PATH_TYPES));
    }
    return errs;
  }

  private static List<FieldError> validateNfs(JsonNode nfs, String path) {
    List<FieldError> errs = new ArrayList<>(required(nfs, "server", path));
    String nfsPath = Trees.text(nfs, "path", "");
    if (nfsPath.isEmpty()) {
      errs.add(FieldError.required(path + ".path"));
    }
    if (!nfsPath.startsWith("/")) {
      errs.add(FieldError.invalid(path + ".path", nfsPath, "must be an absolute path"));
    }
    return errs;
  }

  /** Secret and ConfigMap sources: the referenced name, default mode and key-to-path items. */
  private static List<FieldError> validateProjection(JsonNode node, String nameField, String path) {
    List<FieldError> errs = new ArrayList<>(required(node, nameField, path));
    errs.addAll(fileMode(node, "defaultMode", path));
    List<JsonNode> items = Trees.items(node, "items");
    for (int i = 0; i < items.size(); i++) {
      errs.addAll(validateKeyToPath(items.get(i), path + ".items[" + i + "]"));
    }
    return errs;
  }

  static List<FieldError> validateDownwardApi(JsonNode node, String modePath, String itemPath) {
    List<FieldError> errs = new ArrayList<>(fileMode(node, "defaultMode", modePath));
    for (JsonNode item : Trees.items(node, "items")) {
      errs.addAll(validateDownwardApiFile(item, itemPath));
    }
    return errs;
  }

  /** {@code validateDownwardAPIVolumeFile}; upstream reports these at the volume's path. */
  private static List<FieldError> validateDownwardApiFile(JsonNode file, String path) {
    List<FieldError> errs = new ArrayList<>();
    String filePath = Trees.text(file, "path", "");
    if (filePath.isEmpty()) {
      errs.add(FieldError.required(path + ".path"));
    }
    errs.addAll(localNonReservedPath(filePath, path + ".path"));
    if (Trees.present(file, "fieldRef")) {
      errs.addAll(
          EnvValidation.validateFieldRef(
              file.get("fieldRef"), EnvValidation.VOLUME_FIELD_PATHS, path + ".fieldRef"));
      if (Trees.present(file, "resourceFieldRef")) {
        errs.add(
            FieldError.invalid(
                path,
                "resource",
                "fieldRef and resourceFieldRef can not be specified simultaneously"));
      }
    } else if (Trees.present(file, "resourceFieldRef")) {
      errs.addAll(
          EnvValidation.validateResourceFieldRef(
              file.get("resourceFieldRef"), true, path + ".resourceFieldRef"));
    } else {
      errs.add(FieldError.required(path, "one of fieldRef and resourceFieldRef is required"));
    }
    errs.addAll(fileMode(file, "mode", path));
    return errs;
  }

  static List<FieldError> validateKeyToPath(JsonNode item, String path) {
    List<FieldError> errs = new ArrayList<>(required(item, "key", path));
    String itemPath = Trees.text(item, "path", "");
    if (itemPath.isEmpty()) {
      errs.add(FieldError.required(path + ".path"));
    }
    errs.addAll(localNonReservedPath(itemPath, path + ".path"));
    errs.addAll(fileMode(item, "mode", path));
    return errs;
  }

  static List<FieldError> fileMode(JsonNode node, String field, String path) {
    Long mode = Trees.number(node, field);
    return mode != null && (mode < 0 || mode > 0777)
        ? List.of(FieldError.invalid(path + "." + field, mode, FILE_MODE_ERROR))
        : List.of();
  }

  static List<FieldError> required(JsonNode node, String field, String path) {
    return Trees.present(node, field) && !Trees.text(node, field, "x").isEmpty()
        ? List.of()
        : List.of(FieldError.required(path + "." + field));
  }

  /** {@code ValidateLocalNonReservedPath}: relative, no '..' element, not starting with '..'. */
  static List<FieldError> localNonReservedPath(String value, String path) {
    List<FieldError> errs = new ArrayList<>(localDescendingPath(value, path));
    if (value.startsWith("..") && !value.startsWith("../")) {
      errs.add(FieldError.invalid(path, value, "must not start with '..'"));
    }
    return errs;
  }

  static List<FieldError> localDescendingPath(String value, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (value.startsWith("/")) {
      errs.add(FieldError.invalid(path, value, "must be a relative path"));
    }
    errs.addAll(noBacksteps(value, path));
    return errs;
  }

  private static List<FieldError> noBacksteps(String value, String path) {
    for (String part : value.replace('\\', '/').split("/", -1)) {
      if (part.equals("..")) {
        return List.of(FieldError.invalid(path, value, "must not contain '..'"));
      }
    }
    return List.of();
  }
}
