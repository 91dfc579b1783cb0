package io.pilothouse.registry.strategy.pod;

import io.pilothouse.registry.validation.Addresses;
import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.Names;
import io.pilothouse.registry.validation.ObjectMetaValidation;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Upstream's {@code ValidatePodSpec} for a pod or a workload's pod template: volumes, containers
 * and init containers, pod-level resources, restart and DNS policies, scheduling constraints,
 * security context, and the name-valued fields. Field paths are rooted at the caller's {@code path}
 * ({@code spec} or {@code spec.template.spec}).
 */
public final class PodSpecValidation {

  private static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
  private static final List<String> DNS_POLICIES =
      List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");
  private static final List<String> PREEMPTION_POLICIES = List.of("PreemptLowerPriority", "Never");

  private PodSpecValidation() {}

  /** The field errors of a pod spec at {@code path}. */
  public static List<FieldError> validate(JsonNode spec, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (spec == null || !spec.isObject()) {
      return List.of(FieldError.required(path + ".containers"));
    }
    if (!Trees.present(spec, "terminationGracePeriodSeconds")) {
      errs.add(FieldError.required(path + ".terminationGracePeriodSeconds"));
    }
    Map<String, JsonNode> volumes = VolumeValidation.validateVolumes(spec, path + ".volumes", errs);
    errs.addAll(ContainerValidation.validateContainers(spec, volumes, path));
    errs.addAll(ContainerValidation.validateInitContainers(spec, volumes, path));
    errs.addAll(ResourceValidation.validatePod(spec, path + ".resources"));
    errs.addAll(validateHostNetwork(spec, path));
    errs.addAll(ContainerValidation.requiredChoice(spec, "restartPolicy", RESTART_POLICIES, path));
    errs.addAll(ContainerValidation.requiredChoice(spec, "dnsPolicy", DNS_POLICIES, path));
    errs.addAll(
        SecurityValidation.validatePod(spec.get("securityContext"), path + ".securityContext"));
    errs.addAll(validateImagePullSecrets(spec, path + ".imagePullSecrets"));
    errs.addAll(SchedulingValidation.validate(spec, path));
    errs.addAll(validateDnsConfig(spec, path + ".dnsConfig"));
    errs.addAll(validateReadinessGates(spec, path + ".readinessGates"));
    errs.addAll(validateNames(spec, path));
    errs.addAll(validateActiveDeadline(spec, path + ".activeDeadlineSeconds"));
    errs.addAll(validateHostAliases(spec, path + ".hostAliases"));
    String preemption = Trees.text(spec, "preemptionPolicy");
    if (preemption != null && !PREEMPTION_POLICIES.contains(preemption)) {
      errs.add(
          FieldError.notSupported(path + ".preemptionPolicy", preemption, PREEMPTION_POLICIES));
    }
    String os = Trees.text(spec.get("os"), "name");
    if (os != null && !os.equals("linux") && !os.equals("windows")) {
      errs.add(FieldError.notSupported(path + ".os.name", os, List.of("linux", "windows")));
    }
    return errs;
  }

  private static List<FieldError> validateHostNetwork(JsonNode spec, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (!Trees.isTrue(spec, "hostNetwork")) {
      return errs;
    }
    List<JsonNode> containers = Trees.items(spec, "containers");
    for (int i = 0; i < containers.size(); i++) {
      List<JsonNode> ports = Trees.items(containers.get(i), "ports");
      for (int p = 0; p < ports.size(); p++) {
        long hostPort =
            Trees.number(ports.get(p), "hostPort") == null
                ? 0
                : Trees.number(ports.get(p), "hostPort");
        Long containerPort = Trees.number(ports.get(p), "containerPort");
        if (hostPort != 0 && (containerPort == null || hostPort != containerPort)) {
          errs.add(
              FieldError.invalid(
                  path + ".containers[" + i + "].ports[" + p + "].hostPort",
                  hostPort,
                  "must match `containerPort` when `hostNetwork` is true"));
        }
      }
    }
    return errs;
  }

  private static List<FieldError> validateImagePullSecrets(JsonNode spec, String path) {
    List<FieldError> errs = new ArrayList<>();
    List<JsonNode> secrets = Trees.items(spec, "imagePullSecrets");
    for (int i = 0; i < secrets.size(); i++) {
      JsonNode secret = secrets.get(i);
      if (secret.isObject() && secret.size() > (secret.has("name") ? 1 : 0)) {
        errs.add(
            FieldError.invalid(
                path + "[" + i + "]",
                io.pilothouse.registry.validation.GoValues.of(secret),
                "only name may be set"));
      }
    }
    return errs;
  }

  private static List<FieldError> validateDnsConfig(JsonNode spec, String path) {
    JsonNode config = spec.get("dnsConfig");
    boolean none = "None".equals(Trees.text(spec, "dnsPolicy"));
    if (none && (config == null || config.isNull())) {
      return List.of(
          FieldError.required(path, "must provide `dnsConfig` when `dnsPolicy` is None"));
    }
    if (config == null || config.isNull()) {
      return List.of();
    }
    List<String> nameservers = Trees.strings(config, "nameservers");
    if (none && nameservers.isEmpty()) {
      return List.of(
          FieldError.required(
              path + ".nameservers",
              "must provide at least one DNS nameserver when `dnsPolicy` is None"));
    }
    List<FieldError> errs = new ArrayList<>();
    if (nameservers.size() > 3) {
      errs.add(
          FieldError.invalid(
              path + ".nameservers",
              io.pilothouse.registry.validation.GoValues.strings(nameservers),
              "must not have more than 3 nameservers"));
    }
    for (int i = 0; i < nameservers.size(); i++) {
      errs.addAll(Addresses.validateIP(nameservers.get(i), path + ".nameservers[" + i + "]"));
    }
    List<JsonNode> options = Trees.items(config, "options");
    for (int i = 0; i < options.size(); i++) {
      if (Trees.text(options.get(i), "name", "").isEmpty()) {
        errs.add(FieldError.required(path + ".options[" + i + "]", "must not be empty"));
      }
    }
    return errs;
  }

  private static List<FieldError> validateReadinessGates(JsonNode spec, String path) {
    List<FieldError> errs = new ArrayList<>();
    List<JsonNode> gates = Trees.items(spec, "readinessGates");
    for (int i = 0; i < gates.size(); i++) {
      String type = Trees.text(gates.get(i), "conditionType", "");
      String gpath = path + "[" + i + "].conditionType";
      Names.qualifiedName(type).forEach(msg -> errs.add(FieldError.invalid(gpath, type, msg)));
    }
    return errs;
  }

  private static List<FieldError> validateNames(JsonNode spec, String path) {
    List<FieldError> errs = new ArrayList<>();
    for (String field :
        List.of("serviceAccountName", "nodeName", "priorityClassName", "runtimeClassName")) {
      String value = Trees.text(spec, field, "");
      if (!value.isEmpty()) {
        Names.dns1123Subdomain(value)
            .forEach(msg -> errs.add(FieldError.invalid(path + "." + field, value, msg)));
      }
    }
    for (String field : List.of("hostname", "subdomain")) {
      String value = Trees.text(spec, field, "");
      if (!value.isEmpty()) {
        Names.dns1123Label(value)
            .forEach(msg -> errs.add(FieldError.invalid(path + "." + field, value, msg)));
      }
    }
    return errs;
  }

  private static List<FieldError> validateActiveDeadline(JsonNode spec, String path) {
    Long value = Trees.number(spec, "activeDeadlineSeconds");
    return value != null && (value < 1 || value > Integer.MAX_VALUE)
        ? List.of(FieldError.invalid(path, value, Names.inclusiveRangeError(1, Integer.MAX_VALUE)))
        : List.of();
  }

  private static List<FieldError> validateHostAliases(JsonNode spec, String path) {
    List<FieldError> errs = new ArrayList<>();
    List<JsonNode> aliases = Trees.items(spec, "hostAliases");
    for (int i = 0; i < aliases.size(); i++) {
      errs.addAll(
          Addresses.validateIP(Trees.text(aliases.get(i), "ip", ""), path + "[" + i + "].ip"));
      List<String> hostnames = Trees.strings(aliases.get(i), "hostnames");
      for (int j = 0; j < hostnames.size(); j++) {
        String host = hostnames.get(j);
        String hpath = path + "[" + i + "].hostnames[" + j + "]";
        Names.dns1123Subdomain(host).forEach(msg -> errs.add(FieldError.invalid(hpath, host, msg)));
      }
    }
    return errs;
  }

  /** {@code ValidatePodTemplateSpec}: the template's labels and annotations, then its pod spec. */
  public static List<FieldError> validateTemplate(JsonNode template, String path) {
    List<FieldError> errs = new ArrayList<>();
    JsonNode metadata = template == null ? null : template.get("metadata");
    errs.addAll(ObjectMetaValidation.validateTemplateMeta(metadata, path));
    JsonNode spec = template == null ? null : template.get("spec");
    errs.addAll(validate(spec, path + ".spec"));
    if (Trees.size(spec, "ephemeralContainers") > 0) {
      errs.add(
          FieldError.forbidden(
              path + ".spec.ephemeralContainers",
              "ephemeral containers not allowed in pod template"));
    }
    return errs;
  }
}
