package io.pilothouse.registry.strategy.pod;

import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.Names;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Pod and container security contexts, as upstream's {@code validatePodSpecSecurityContext} and
 * {@code ValidateSecurityContext}: user and group ids in range, sysctl names, the enumerated
 * policies (fsGroupChangePolicy, supplementalGroupsPolicy, seccomp, AppArmor, procMount) and the
 * privileged / allowPrivilegeEscalation contradiction.
 */
final class SecurityValidation {

  private static final long MAX_ID = Integer.MAX_VALUE;
  private static final List<String> SECCOMP_TYPES =
      List.of("Localhost", "RuntimeDefault", "Unconfined");
  private static final Pattern SYSCTL =
      Pattern.compile("([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?");

  private SecurityValidation() {}

  static List<FieldError> validatePod(JsonNode context, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (context == null || context.isNull()) {
      return errs;
    }
    for (String field : List.of("fsGroup", "runAsUser", "runAsGroup")) {
      errs.addAll(id(context, field, path + "." + field));
    }
    List<JsonNode> groups = Trees.items(context, "supplementalGroups");
    for (int i = 0; i < groups.size(); i++) {
      long gid = groups.get(i).asLong();
      if (gid < 0 || gid > MAX_ID) {
        errs.add(
            FieldError.invalid(
                path + ".supplementalGroups[" + i + "]",
                gid,
                Names.inclusiveRangeError(0, MAX_ID)));
      }
    }
    errs.addAll(choice(context, "fsGroupChangePolicy", List.of("Always", "OnRootMismatch"), path));
    errs.addAll(choice(context, "supplementalGroupsPolicy", List.of("Merge", "Strict"), path));
    errs.addAll(choice(context, "seLinuxChangePolicy", List.of("MountOption", "Recursive"), path));
    errs.addAll(validateSysctls(context, path + ".sysctls"));
    errs.addAll(
        validateProfile(context.get("seccompProfile"), path + ".seccompProfile", "seccomp"));
    errs.addAll(
        validateProfile(context.get("appArmorProfile"), path + ".appArmorProfile", "AppArmor"));
    return errs;
  }

  static List<FieldError> validateContainer(JsonNode context, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (context == null || context.isNull()) {
      return errs;
    }
    errs.addAll(id(context, "runAsUser", path + ".runAsUser"));
    errs.addAll(id(context, "runAsGroup", path + ".runAsGroup"));
    errs.addAll(choice(context, "procMount", List.of("Default", "Unmasked"), path));
    errs.addAll(
        validateProfile(context.get("seccompProfile"), path + ".seccompProfile", "seccomp"));
    errs.addAll(
        validateProfile(context.get("appArmorProfile"), path + ".appArmorProfile", "AppArmor"));
    JsonNode escalation = context.get("allowPrivilegeEscalation");
    if (escalation != null
        && escalation.isBoolean()
        && !escalation.booleanValue()
        && Trees.isTrue(context, "privileged")) {
      errs.add(
          FieldError.invalid(
              path,
              io.pilothouse.registry.validation.GoValues.of(context),
              "cannot set `allowPrivilegeEscalation` to false and `privileged` to true"));
    }
    return errs;
  }

  private static List<FieldError> id(JsonNode context, String field, String path) {
    Long value = Trees.number(context, field);
    return value != null && (value < 0 || value > MAX_ID)
        ? List.of(FieldError.invalid(path, value, Names.inclusiveRangeError(0, MAX_ID)))
        : List.of();
  }

  private static List<FieldError> choice(
      JsonNode context, String field, List<String> supported, String path) {
    String value = Trees.text(context, field);
    return value != null && !supported.contains(value)
        ? List.of(FieldError.notSupported(path + "." + field, value, supported))
        : List.of();
  }

  private static List<FieldError> validateSysctls(JsonNode context, String path) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<JsonNode> sysctls = Trees.items(context, "sysctls");
    for (int i = 0; i < sysctls.size(); i++) {
      String name = Trees.text(sysctls.get(i), "name", "");
      String npath = path + "[" + i + "].name";
      if (name.isEmpty()) {
        errs.add(FieldError.required(npath));
      } else if (name.length() > 253 || !SYSCTL.matcher(name).matches()) {
        errs.add(
            FieldError.invalid(
                npath,
                name,
                "must have at most 253 characters and match regex ^" + SYSCTL.pattern() + "$"));
      } else if (!names.add(name)) {
        errs.add(FieldError.duplicate(npath, name));
      }
    }
    return errs;
  }

  private static List<FieldError> validateProfile(JsonNode profile, String path, String what) {
    if (profile == null || profile.isNull()) {
      return List.of();
    }
    String type = Trees.text(profile, "type", "");
    boolean localhost = type.equals("Localhost");
    if (type.isEmpty()) {
      return List.of(
          FieldError.required(
              path + ".type", "type is required when " + lowerFirst(what) + "Profile is set"));
    }
    if (!SECCOMP_TYPES.contains(type)) {
      return List.of(FieldError.notSupported(path + ".type", type, SECCOMP_TYPES));
    }
    if (localhost && Trees.text(profile, "localhostProfile", "").isEmpty()) {
      return List.of(
          FieldError.required(
              path + ".localhostProfile", "must be set when " + what + " type is Localhost"));
    }
    if (!localhost && Trees.present(profile, "localhostProfile")) {
      return List.of(
          FieldError.invalid(
              path + ".localhostProfile",
              Trees.text(profile, "localhostProfile", ""),
              "can only be set when " + what + " type is Localhost"));
    }
    return List.of();
  }

  private static String lowerFirst(String what) {
    return what.equals("AppArmor") ? "appArmor" : what;
  }
}
