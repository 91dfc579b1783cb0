package io.pilothouse.registry.strategy;

import io.pilothouse.registry.validation.Addresses;
import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.GoValues;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A service's cluster IPs and IP families, as upstream's {@code
 * ValidateServiceClusterIPsRelatedFields} and {@code validateUpgradeDowngradeClusterIPs}: {@code
 * clusterIP} equal to the first of {@code clusterIPs}, valid addresses or a lone {@code None},
 * supported families and policy, and a primary cluster IP that never changes once set.
 */
final class ServiceIpValidation {

  private static final List<String> FAMILIES = List.of("IPv4", "IPv6");
  private static final List<String> FAMILY_POLICIES =
      List.of("PreferDualStack", "RequireDualStack", "SingleStack");

  private ServiceIpValidation() {}

  /** {@code ValidateServiceClusterIPsRelatedFields}. */
  static List<FieldError> validate(JsonNode spec, String type) {
    List<FieldError> errs = new ArrayList<>();
    if (type.equals("ExternalName")) {
      return errs;
    }
    List<String> clusterIps = Trees.strings(spec, "clusterIPs");
    errs.addAll(matchClusterIp(Trees.text(spec, "clusterIP", ""), clusterIps));
    errs.addAll(validateFamilies(spec));
    errs.addAll(validateAddresses(clusterIps));
    return errs;
  }

  static List<FieldError> validateUpdate(List<String> ips, List<String> old) {
    List<FieldError> errs = new ArrayList<>();
    Object shown = GoValues.strings(ips.isEmpty() ? null : ips);
    if (ips.size() == old.size()) {
      for (int i = 0; i < old.size(); i++) {
        if (!old.get(i).equals(ips.get(i))) {
          errs.add(
              FieldError.invalid("spec.clusterIPs[" + i + "]", shown, "may not change once set"));
        }
      }
    } else if (ips.size() < old.size()) {
      if (ips.isEmpty()) {
        errs.add(
            FieldError.invalid("spec.clusterIPs[0]", shown, "primary clusterIP can not be unset"));
      } else if (!ips.get(0).equals(old.get(0))) {
        errs.add(FieldError.invalid("spec.clusterIPs[0]", shown, "may not change once set"));
      }
    } else if (!old.isEmpty() && !ips.get(0).equals(old.get(0))) {
      errs.add(FieldError.invalid("spec.clusterIPs[0]", shown, "may not change once set"));
    }
    return errs;
  }

  /** {@code clusterIP} and {@code clusterIPs[0]} agree (both set or both empty). */
  private static List<FieldError> matchClusterIp(String clusterIp, List<String> clusterIps) {
    List<FieldError> errs = new ArrayList<>();
    if (!clusterIp.isEmpty()) {
      if (clusterIps.isEmpty()) {
        errs.add(FieldError.required("spec.clusterIPs"));
      } else if (!clusterIps.get(0).equals(clusterIp)) {
        errs.add(
            FieldError.invalid(
                "spec.clusterIPs",
                GoValues.strings(clusterIps),
                "first value must match `clusterIP`"));
      }
    } else if (!clusterIps.isEmpty()) {
      errs.add(
          FieldError.invalid(
              "spec.clusterIPs",
              GoValues.strings(clusterIps),
              "must be empty when `clusterIP` is not specified"));
    }
    return errs;
  }

  private static List<FieldError> validateFamilies(JsonNode spec) {
    List<FieldError> errs = new ArrayList<>();
    List<String> families = Trees.strings(spec, "ipFamilies");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < families.size(); i++) {
      if (!FAMILIES.contains(families.get(i))) {
        errs.add(FieldError.notSupported("spec.ipFamilies[" + i + "]", families.get(i), FAMILIES));
      }
      if (!seen.add(families.get(i))) {
        errs.add(FieldError.duplicate("spec.ipFamilies[" + i + "]", families.get(i)));
      }
    }
    String policy = Trees.text(spec, "ipFamilyPolicy");
    if (policy != null && !FAMILY_POLICIES.contains(policy)) {
      errs.add(FieldError.notSupported("spec.ipFamilyPolicy", policy, FAMILY_POLICIES));
    }
    return errs;
  }

  private static List<FieldError> validateAddresses(List<String> clusterIps) {
    List<FieldError> errs = new ArrayList<>();
    for (int i = 0; i < clusterIps.size(); i++) {
      String ip = clusterIps.get(i);
      if (i == 0 && ip.equals("None")) {
        if (clusterIps.size() > 1) {
          errs.add(
              FieldError.invalid(
                  "spec.clusterIPs",
                  GoValues.strings(clusterIps),
                  "'None' must be the first and only value"));
        }
        continue;
      }
      errs.addAll(Addresses.validateIP(ip, "spec.clusterIPs[" + i + "]"));
    }
    if (clusterIps.size() > 2) {
      errs.add(
          FieldError.invalid(
              "spec.clusterIPs", GoValues.strings(clusterIps), "may only hold up to 2 values"));
    }
    return errs;
  }
}
