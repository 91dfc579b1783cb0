package io.pilothouse.registry.strategy.pod;

import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.Names;
import io.pilothouse.registry.validation.Quantities;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A container's {@code env} and {@code envFrom}, as upstream's {@code ValidateEnv} (relaxed names,
 * as of 1.32: any printable ASCII but '='), {@code validateEnvVarValueFrom} and {@code
 * ValidateEnvFrom}; also the downward API field and resource selectors shared with volumes.
 */
final class EnvValidation {

  static final List<String> ENV_FIELD_PATHS =
      List.of(
          "metadata.name",
          "metadata.namespace",
          "metadata.uid",
          "spec.nodeName",
          "spec.serviceAccountName",
          "status.hostIP",
          "status.hostIPs",
          "status.podIP",
          "status.podIPs");
  static final List<String> VOLUME_FIELD_PATHS =
      List.of(
          "metadata.annotations",
          "metadata.labels",
          "metadata.name",
          "metadata.namespace",
          "metadata.uid");
  private static final Set<String> CONVERTIBLE_FIELD_PATHS =
      Set.of(
          "metadata.annotations",
          "metadata.labels",
          "metadata.name",
          "metadata.namespace",
          "metadata.uid",
          "spec.nodeName",
          "spec.restartPolicy",
          "spec.serviceAccountName",
          "spec.schedulerName",
          "status.phase",
          "status.hostIP",
          "status.hostIPs",
          "status.podIP",
          "status.podIPs",
          "spec.host");
  private static final List<String> RESOURCE_FIELD_PATHS =
      List.of(
          "limits.cpu",
          "limits.ephemeral-storage",
          "limits.memory",
          "requests.cpu",
          "requests.ephemeral-storage",
          "requests.memory");
  private static final Set<String> CPU_DIVISORS = Set.of("1m", "1");
  private static final Set<String> BYTE_DIVISORS =
      Set.of("1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei");

  private EnvValidation() {}

  static List<FieldError> validateEnv(JsonNode container, String path) {
    List<FieldError> errs = new ArrayList<>();
    List<JsonNode> vars = Trees.items(container, "env");
    for (int i = 0; i < vars.size(); i++) {
      JsonNode var = vars.get(i);
      String vpath = path + "[" + i + "]";
      String name = Trees.text(var, "name", "");
      if (name.isEmpty()) {
        errs.add(FieldError.required(vpath + ".name"));
      } else {
        Names.envVarName(name)
            .forEach(msg -> errs.add(FieldError.invalid(vpath + ".name", name, msg)));
      }
      errs.addAll(validateValueFrom(var, vpath + ".valueFrom"));
    }
    return errs;
  }

  private static List<FieldError> validateValueFrom(JsonNode var, String path) {
    JsonNode from = var.get("valueFrom");
    if (from == null || from.isNull()) {
      return List.of();
    }
    List<FieldError> errs = new ArrayList<>();
    int sources = 0;
    if (Trees.present(from, "fieldRef")) {
      sources++;
      errs.addAll(validateFieldRef(from.get("fieldRef"), ENV_FIELD_PATHS, path + ".fieldRef"));
    }
    if (Trees.present(from, "resourceFieldRef")) {
      sources++;
      errs.addAll(
          validateResourceFieldRef(
              from.get("resourceFieldRef"), false, path + ".resourceFieldRef"));
    }
    if (Trees.present(from, "configMapKeyRef")) {
      sources++;
      errs.addAll(validateKeySelector(from.get("configMapKeyRef"), path + ".configMapKeyRef"));
    }
    if (Trees.present(from, "secretKeyRef")) {
      sources++;
      errs.addAll(validateKeySelector(from.get("secretKeyRef"), path + ".secretKeyRef"));
    }
    if (sources == 0) {
      errs.add(
          FieldError.invalid(
              path,
              "",
              "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or"
                  + " `secretKeyRef`"));
    } else if (!Trees.text(var, "value", "").isEmpty()) {
      errs.add(FieldError.invalid(path, "", "may not be specified when `value` is not empty"));
    } else if (sources > 1) {
      errs.add(
          FieldError.invalid(path, "", "may not have more than one field specified at a time"));
    }
    return errs;
  }

  /** {@code validateObjectFieldSelector} with the paths the context allows. */
  static List<FieldError> validateFieldRef(JsonNode ref, List<String> allowed, String path) {
    String apiVersion = Trees.text(ref, "apiVersion", "");
    if (apiVersion.isEmpty()) {
      return List.of(FieldError.required(path + ".apiVersion"));
    }
    String fieldPath = Trees.text(ref, "fieldPath", "");
    if (fieldPath.isEmpty()) {
      return List.of(FieldError.required(path + ".fieldPath"));
    }
    String conversionError = conversionError(apiVersion, fieldPath);
    if (conversionError != null) {
      return List.of(
          FieldError.invalid(
              path + ".fieldPath", fieldPath, "error converting fieldPath: " + conversionError));
    }
    String[] subscripted = splitSubscript(fieldPath);
    if (subscripted != null) {
      String key =
          subscripted[0].equals("metadata.annotations")
              ? subscripted[1].toLowerCase()
              : subscripted[1];
      List<FieldError> errs = new ArrayList<>();
      Names.qualifiedName(key).forEach(msg -> errs.add(FieldError.invalid(path, key, msg)));
      return errs;
    }
    String internal = fieldPath.equals("spec.host") ? "spec.nodeName" : fieldPath;
    return allowed.contains(internal)
        ? List.of()
        : List.of(FieldError.notSupported(path + ".fieldPath", internal, allowed));
  }

  private static String conversionError(String apiVersion, String fieldPath) {
    if (!apiVersion.equals("v1")) {
      return "unsupported pod version: " + apiVersion;
    }
    String[] subscripted = splitSubscript(fieldPath);
    if (subscripted != null) {
      return subscripted[0].equals("metadata.annotations")
              || subscripted[0].equals("metadata.labels")
          ? null
          : "field label does not support subscript: " + fieldPath;
    }
    return CONVERTIBLE_FIELD_PATHS.contains(fieldPath)
        ? null
        : "field label not supported: " + fieldPath;
  }

  /** {@code metadata.labels['key']} as {path, key}; null when not subscripted. */
  private static String[] splitSubscript(String fieldPath) {
    if (!fieldPath.endsWith("']")) {
      return null;
    }
    String trimmed = fieldPath.substring(0, fieldPath.length() - 2);
    int open = trimmed.indexOf("['");
    if (open <= 0) {
      return null;
    }
    return new String[] {trimmed.substring(0, open), trimmed.substring(open + 2)};
  }

  /** {@code validateContainerResourceFieldSelector}; volumes also need the container name. */
  static List<FieldError> validateResourceFieldRef(JsonNode ref, boolean volume, String path) {
    List<FieldError> errs = new ArrayList<>();
    String resource = Trees.text(ref, "resource", "");
    if (volume && Trees.text(ref, "containerName", "").isEmpty()) {
      errs.add(FieldError.required(path + ".containerName"));
    } else if (resource.isEmpty()) {
      errs.add(FieldError.required(path + ".resource"));
    } else if (!RESOURCE_FIELD_PATHS.contains(resource)
        && !resource.startsWith("requests.hugepages-")
        && !resource.startsWith("limits.hugepages-")) {
      errs.add(FieldError.notSupported(path + ".resource", resource, RESOURCE_FIELD_PATHS));
    }
    String divisor = Trees.text(ref, "divisor", "0");
    if (Quantities.isValid(divisor) && Quantities.decimal(divisor).signum() != 0) {
      String canonical = Quantities.canonical(divisor, Quantities.NANO_SCALE);
      boolean cpu = resource.endsWith(".cpu");
      if (cpu ? !CPU_DIVISORS.contains(canonical) : !BYTE_DIVISORS.contains(canonical)) {
        errs.add(FieldError.invalid(path + ".divisor", resource, divisorMessage(resource)));
      }
    }
    return errs;
  }

  private static String divisorMessage(String resource) {
    if (resource.endsWith(".cpu")) {
      return "only divisor's values 1m and 1 are supported with the cpu resource";
    }
    String kind =
        resource.endsWith(".memory")
            ? "memory"
            : resource.endsWith(".ephemeral-storage") ? "local ephemeral storage" : "hugepages";
    return "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are"
        + " supported with the "
        + kind
        + " resource";
  }

  private static List<FieldError> validateKeySelector(JsonNode selector, String path) {
    List<FieldError> errs = new ArrayList<>();
    String name = Trees.text(selector, "name", "");
    Names.subdomainName(name, false)
        .forEach(msg -> errs.add(FieldError.invalid(path + ".name", name, msg)));
    String key = Trees.text(selector, "key", "");
    if (key.isEmpty()) {
      errs.add(FieldError.required(path + ".key"));
    } else {
      Names.configMapKey(key).forEach(msg -> errs.add(FieldError.invalid(path + ".key", key, msg)));
    }
    return errs;
  }

  static List<FieldError> validateEnvFrom(JsonNode container, String path) {
    List<FieldError> errs = new ArrayList<>();
    List<JsonNode> sources = Trees.items(container, "envFrom");
    for (int i = 0; i < sources.size(); i++) {
      JsonNode source = sources.get(i);
      String spath = path + "[" + i + "]";
      String prefix = Trees.text(source, "prefix", "");
      if (!prefix.isEmpty()) {
        Names.envVarName(prefix)
            .forEach(msg -> errs.add(FieldError.invalid(spath + ".prefix", prefix, msg)));
      }
      int count = 0;
      for (String ref : List.of("configMapRef", "secretRef")) {
        if (Trees.present(source, ref)) {
          count++;
          errs.addAll(validateEnvSourceName(source.get(ref), spath + "." + ref));
        }
      }
      if (count == 0) {
        errs.add(
            FieldError.invalid(path, "", "must specify one of: `configMapRef` or `secretRef`"));
      } else if (count > 1) {
        errs.add(
            FieldError.invalid(path, "", "may not have more than one field specified at a time"));
      }
    }
    return errs;
  }

  private static List<FieldError> validateEnvSourceName(JsonNode ref, String path) {
    String name = Trees.text(ref, "name", "");
    if (name.isEmpty()) {
      return List.of(FieldError.required(path + ".name"));
    }
    List<FieldError> errs = new ArrayList<>();
    Names.subdomainName(name, true)
        .forEach(msg -> errs.add(FieldError.invalid(path + ".name", name, msg)));
    return errs;
  }
}
