package io.pilothouse.node.cli;

import io.fabric8.kubernetes.api.model.Taint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the values of kubelet's registration flags: {@code --node-labels k=v,k2=v2} and {@code
 * --register-with-taints key[=value]:Effect,...}, with upstream's syntax and checks.
 */
final class RegistrationFlags {

  private static final Pattern NAME =
      Pattern.compile(
          "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
              + "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
  private static final Pattern VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
  private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

  private RegistrationFlags() {}

  static Map<String, String> labels(String flag) throws UsageException {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String item : items(flag)) {
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--node-labels: '" + item + "' is not key=value");
      }
      String key = item.substring(0, eq);
      String value = item.substring(eq + 1);
      check("--node-labels", key, value);
      labels.put(key, value);
    }
    return Map.copyOf(labels);
  }

  static List<Taint> taints(String flag) throws UsageException {
    List<Taint> taints = new ArrayList<>();
    for (String item : items(flag)) {
      int colon = item.lastIndexOf(':');
      if (colon <= 0) {
        throw new UsageException(
            "--register-with-taints: '" + item + "' is not key[=value]:Effect");
      }
      String effect = item.substring(colon + 1);
      if (!EFFECTS.contains(effect)) {
        throw new UsageException(
            "--register-with-taints: effect '"
                + effect
                + "' is not one of NoSchedule, PreferNoSchedule, NoExecute");
      }
      String keyValue = item.substring(0, colon);
      int eq = keyValue.indexOf('=');
      String key = eq < 0 ? keyValue : keyValue.substring(0, eq);
      String value = eq < 0 ? null : keyValue.substring(eq + 1);
      check("--register-with-taints", key, value == null ? "" : value);
      taints.add(new Taint(effect, key, null, value));
    }
    return List.copyOf(taints);
  }

  private static List<String> items(String flag) {
    if (flag == null || flag.isBlank()) {
      return List.of();
    }
    return List.of(flag.split(","));
  }

  private static void check(String option, String key, String value) throws UsageException {
    if (!NAME.matcher(key).matches()) {
      throw new UsageException(option + ": '" + key + "' is not a valid label or taint key");
    }
    if (!VALUE.matcher(value).matches()) {
      throw new UsageException(option + ": '" + value + "' is not a valid label or taint value");
    }
  }
}
