package io.pilothouse.registry.strategy.pod;

import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A container's volume mounts and block devices, as upstream's {@code ValidateVolumeMounts} and
 * {@code ValidateVolumeDevices}: each names an existing volume (a claim, for devices) at a unique
 * path, sub-paths stay inside the volume, and bidirectional propagation needs a privileged
 * container.
 */
final class MountValidation {

  private static final Set<String> PVC_SOURCES = Set.of("persistentVolumeClaim", "ephemeral");
  private static final List<String> PROPAGATIONS =
      List.of("Bidirectional", "HostToContainer", "None");

  private MountValidation() {}

  /** {@code ValidateVolumeMounts} for one container. */
  static List<FieldError> validateMounts(
      JsonNode container, Map<String, JsonNode> volumes, String path) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> mountPaths = new HashSet<>();
    List<JsonNode> mounts = Trees.items(container, "volumeMounts");
    for (int i = 0; i < mounts.size(); i++) {
      JsonNode mount = mounts.get(i);
      String mpath = path + "[" + i + "]";
      String name = Trees.text(mount, "name", "");
      String mountPath = Trees.text(mount, "mountPath", "");
      if (name.isEmpty()) {
        errs.add(FieldError.required(mpath + ".name"));
      }
      if (!volumes.containsKey(name)) {
        errs.add(FieldError.notFound(mpath + ".name", name));
      }
      if (mountPath.isEmpty()) {
        errs.add(FieldError.required(mpath + ".mountPath"));
      }
      if (!mountPaths.add(mountPath)) {
        errs.add(FieldError.invalid(mpath + ".mountPath", mountPath, "must be unique"));
      }
      errs.addAll(validateSubPaths(mount, path, mpath));
      errs.addAll(validatePropagation(mount, container, path + ".mountPropagation"));
    }
    return errs;
  }

  private static List<FieldError> validateSubPaths(JsonNode mount, String path, String mpath) {
    List<FieldError> errs = new ArrayList<>();
    String subPath = Trees.text(mount, "subPath", "");
    String subPathExpr = Trees.text(mount, "subPathExpr", "");
    if (!subPath.isEmpty()) {
      errs.addAll(VolumeValidation.localDescendingPath(subPath, path + ".subPath"));
    }
    if (!subPathExpr.isEmpty()) {
      if (!subPath.isEmpty()) {
        errs.add(
            FieldError.invalid(
                mpath + ".subPathExpr",
                subPathExpr,
                "subPathExpr and subPath are mutually exclusive"));
      }
      errs.addAll(VolumeValidation.localDescendingPath(subPathExpr, path + ".subPathExpr"));
    }
    return errs;
  }

  private static List<FieldError> validatePropagation(
      JsonNode mount, JsonNode container, String path) {
    String propagation = Trees.text(mount, "mountPropagation");
    if (propagation == null) {
      return List.of();
    }
    if (!PROPAGATIONS.contains(propagation)) {
      return List.of(FieldError.notSupported(path, propagation, PROPAGATIONS));
    }
    boolean privileged = Trees.isTrue(container.get("securityContext"), "privileged");
    return propagation.equals("Bidirectional") && !privileged
        ? List.of(
            FieldError.forbidden(
                path, "Bidirectional mount propagation is available only to privileged containers"))
        : List.of();
  }

  /** {@code ValidateVolumeDevices}: block devices must come from a claim. */
  static List<FieldError> validateDevices(
      JsonNode container, Map<String, JsonNode> volumes, String path) {
    List<FieldError> errs = new ArrayList<>();
    List<JsonNode> devices = Trees.items(container, "volumeDevices");
    for (int i = 0; i < devices.size(); i++) {
      String dpath = path + "[" + i + "]";
      String name = Trees.text(devices.get(i), "name", "");
      JsonNode volume = volumes.get(name);
      if (name.isEmpty()) {
        errs.add(FieldError.required(dpath + ".name"));
      }
      if (volume == null) {
        errs.add(FieldError.notFound(dpath + ".name", name));
      } else if (PVC_SOURCES.stream().noneMatch(source -> Trees.present(volume, source))) {
        errs.add(
            FieldError.invalid(
                dpath + ".name",
                name,
                "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode"));
      }
      if (Trees.text(devices.get(i), "devicePath", "").isEmpty()) {
        errs.add(FieldError.required(dpath + ".devicePath"));
      }
    }
    return errs;
  }
}
