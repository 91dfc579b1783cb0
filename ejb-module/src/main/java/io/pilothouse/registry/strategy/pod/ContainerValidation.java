package io.pilothouse.registry.strategy.pod;

import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.Names;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Validation of a pod spec's containers and init containers, as upstream's {@code
 * validateContainers}, {@code validateInitContainers} and {@code validateContainerCommon}: names
 * (DNS-1123 labels, unique across both lists), image, ports, pull and termination policies, and
 * which fields each kind of container may set; env, resources, mounts and probes are delegated.
 */
final class ContainerValidation {

  private static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
  private static final List<String> TERMINATION_POLICIES = List.of("File", "FallbackToLogsOnError");
  private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
  private static final List<String> PROBES =
      List.of("livenessProbe", "readinessProbe", "startupProbe");
  private static final String INIT_ONLY_ALWAYS =
      "may not be set for init containers without restartPolicy=Always";

  private ContainerValidation() {}

  /** {@code spec.containers}: at least one, names unique, probes and lifecycle allowed. */
  static List<FieldError> validateContainers(
      JsonNode spec, Map<String, JsonNode> volumes, String specPath) {
    String path = specPath + ".containers";
    List<JsonNode> containers = Trees.items(spec, "containers");
    if (containers.isEmpty()) {
      return List.of(FieldError.required(path));
    }
    List<FieldError> errs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Long grace = Trees.number(spec, "terminationGracePeriodSeconds");
    for (int i = 0; i < containers.size(); i++) {
      JsonNode container = containers.get(i);
      String cpath = path + "[" + i + "]";
      errs.addAll(validateCommon(container, volumes, cpath, Trees.text(spec, "restartPolicy", "")));
      String name = Trees.text(container, "name", "");
      if (!names.add(name)) {
        errs.add(FieldError.duplicate(cpath + ".name", name));
      }
      errs.addAll(
          ProbeValidation.validateLifecycle(
              container.get("lifecycle"), grace, cpath + ".lifecycle"));
      errs.addAll(ProbeValidation.validateProbes(container, grace, cpath));
      if (Trees.present(container, "restartPolicy")) {
        errs.add(
            FieldError.forbidden(
                cpath + ".restartPolicy", "may not be set for non-init containers"));
      }
    }
    errs.addAll(hostPortConflicts(containers, path));
    return errs;
  }

  /** {@code spec.initContainers}: names unique with the regular ones; sidecars may probe. */
  static List<FieldError> validateInitContainers(
      JsonNode spec, Map<String, JsonNode> volumes, String specPath) {
    String path = specPath + ".initContainers";
    List<FieldError> errs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode container : Trees.items(spec, "containers")) {
      names.add(Trees.text(container, "name", ""));
    }
    Long grace = Trees.number(spec, "terminationGracePeriodSeconds");
    List<JsonNode> containers = Trees.items(spec, "initContainers");
    for (int i = 0; i < containers.size(); i++) {
      JsonNode container = containers.get(i);
      String cpath = path + "[" + i + "]";
      errs.addAll(validateCommon(container, volumes, cpath, Trees.text(spec, "restartPolicy", "")));
      String restartPolicy = Trees.text(container, "restartPolicy");
      if (restartPolicy != null && !restartPolicy.equals("Always")) {
        errs.add(
            FieldError.notSupported(cpath + ".restartPolicy", restartPolicy, List.of("Always")));
      }
      String name = Trees.text(container, "name", "");
      if (names.contains(name)) {
        errs.add(FieldError.duplicate(cpath + ".name", name));
      } else if (!name.isEmpty()) {
        names.add(name);
      }
      errs.addAll(hostPortConflicts(List.of(container), path));
      if ("Always".equals(restartPolicy)) {
        errs.addAll(
            ProbeValidation.validateLifecycle(
                container.get("lifecycle"), grace, cpath + ".lifecycle"));
        errs.addAll(ProbeValidation.validateProbes(container, grace, cpath));
      } else {
        errs.addAll(forbidSidecarFields(container, cpath));
      }
    }
    return errs;
  }

  private static List<FieldError> forbidSidecarFields(JsonNode container, String cpath) {
    List<FieldError> errs = new ArrayList<>();
    if (Trees.present(container, "lifecycle")) {
      errs.add(FieldError.forbidden(cpath + ".lifecycle", INIT_ONLY_ALWAYS));
    }
    for (String probe : PROBES) {
      if (Trees.present(container, probe)) {
        errs.add(FieldError.forbidden(cpath + "." + probe, INIT_ONLY_ALWAYS));
      }
    }
    return errs;
  }

  /** {@code validateContainerCommon}: what every kind of container must satisfy. */
  static List<FieldError> validateCommon(
      JsonNode container, Map<String, JsonNode> volumes, String cpath, String podRestartPolicy) {
    List<FieldError> errs = new ArrayList<>();
    String name = Trees.text(container, "name", "");
    if (name.isEmpty()) {
      errs.add(FieldError.required(cpath + ".name"));
    } else {
      for (String msg : Names.dns1123Label(name)) {
        errs.add(FieldError.invalid(cpath + ".name", name, msg));
      }
    }
    if (Trees.text(container, "image", "").isEmpty()) {
      errs.add(FieldError.required(cpath + ".image"));
    }
    errs.addAll(requiredChoice(container, "terminationMessagePolicy", TERMINATION_POLICIES, cpath));
    errs.addAll(validatePorts(container, cpath + ".ports"));
    errs.addAll(EnvValidation.validateEnv(container, cpath + ".env"));
    errs.addAll(EnvValidation.validateEnvFrom(container, cpath + ".envFrom"));
    errs.addAll(MountValidation.validateMounts(container, volumes, cpath + ".volumeMounts"));
    errs.addAll(MountValidation.validateDevices(container, volumes, cpath + ".volumeDevices"));
    errs.addAll(requiredChoice(container, "imagePullPolicy", PULL_POLICIES, cpath));
    errs.addAll(
        ResourceValidation.validateContainer(container.get("resources"), cpath + ".resources"));
    errs.addAll(validateResizePolicy(container, cpath + ".resizePolicy", podRestartPolicy));
    errs.addAll(
        SecurityValidation.validateContainer(
            container.get("securityContext"), cpath + ".securityContext"));
    return errs;
  }

  /** Image must not have surrounding blanks: checked for pods, not templates. */
  static List<FieldError> validateImagesForPod(JsonNode spec, String specPath) {
    List<FieldError> errs = new ArrayList<>();
    for (String list : List.of("containers", "initContainers")) {
      List<JsonNode> containers = Trees.items(spec, list);
      for (int i = 0; i < containers.size(); i++) {
        String image = Trees.text(containers.get(i), "image", "");
        if (!image.equals(image.strip())) {
          errs.add(
              FieldError.invalid(
                  specPath + "." + list + "[" + i + "].image",
                  image,
                  "must not have leading or trailing whitespace"));
        }
      }
    }
    return errs;
  }

  static List<FieldError> validatePorts(JsonNode container, String path) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<JsonNode> ports = Trees.items(container, "ports");
    for (int i = 0; i < ports.size(); i++) {
      JsonNode port = ports.get(i);
      String ppath = path + "[" + i + "]";
      String name = Trees.text(port, "name", "");
      if (!name.isEmpty()) {
        List<String> msgs = Names.portName(name);
        msgs.forEach(msg -> errs.add(FieldError.invalid(ppath + ".name", name, msg)));
        if (msgs.isEmpty() && !names.add(name)) {
          errs.add(FieldError.duplicate(ppath + ".name", name));
        }
      }
      Long containerPort = Trees.number(port, "containerPort");
      if (containerPort == null || containerPort == 0) {
        errs.add(FieldError.required(ppath + ".containerPort"));
      } else {
        Names.portNumber(containerPort)
            .forEach(
                msg -> errs.add(FieldError.invalid(ppath + ".containerPort", containerPort, msg)));
      }
      Long hostPort = Trees.number(port, "hostPort");
      if (hostPort != null && hostPort != 0) {
        Names.portNumber(hostPort)
            .forEach(msg -> errs.add(FieldError.invalid(ppath + ".hostPort", hostPort, msg)));
      }
      errs.addAll(requiredChoice(port, "protocol", PROTOCOLS, ppath));
    }
    return errs;
  }

  private static List<FieldError> hostPortConflicts(List<JsonNode> containers, String path) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < containers.size(); c++) {
      List<JsonNode> ports = Trees.items(containers.get(c), "ports");
      for (int p = 0; p < ports.size(); p++) {
        Long hostPort = Trees.number(ports.get(p), "hostPort");
        if (hostPort == null || hostPort == 0) {
          continue;
        }
        String key =
            Trees.text(ports.get(p), "protocol", "")
                + "/"
                + Trees.text(ports.get(p), "hostIP", "")
                + "/"
                + hostPort;
        if (!seen.add(key)) {
          errs.add(FieldError.duplicate(path + "[" + c + "].ports[" + p + "].hostPort", key));
        }
      }
    }
    return errs;
  }

  private static List<FieldError> validateResizePolicy(
      JsonNode container, String path, String podRestartPolicy) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> resources = new HashSet<>();
    List<JsonNode> policies = Trees.items(container, "resizePolicy");
    for (int i = 0; i < policies.size(); i++) {
      String resource = Trees.text(policies.get(i), "resourceName", "");
      String restart = Trees.text(policies.get(i), "restartPolicy", "");
      if (!resources.add(resource)) {
        errs.add(FieldError.duplicate(path + "[" + i + "]", resource));
      }
      if (resource.isEmpty()) {
        errs.add(FieldError.required(path));
      } else if (!resource.equals("cpu") && !resource.equals("memory")) {
        errs.add(FieldError.notSupported(path, resource, List.of("cpu", "memory")));
      }
      if (restart.isEmpty()) {
        errs.add(FieldError.required(path));
      } else if (!restart.equals("NotRequired") && !restart.equals("RestartContainer")) {
        errs.add(
            FieldError.notSupported(path, restart, List.of("NotRequired", "RestartContainer")));
      }
      if ("Never".equals(podRestartPolicy) && !restart.equals("NotRequired")) {
        errs.add(
            FieldError.invalid(
                path, restart, "must be 'NotRequired' when `restartPolicy` is 'Never'"));
      }
    }
    return errs;
  }

  /** A required field whose value must be one of {@code supported}. */
  static List<FieldError> requiredChoice(
      JsonNode node, String field, List<String> supported, String parentPath) {
    String value = Trees.text(node, field, "");
    String path = parentPath + "." + field;
    if (value.isEmpty()) {
      return List.of(FieldError.required(path));
    }
    return supported.contains(value)
        ? List.of()
        : List.of(FieldError.notSupported(path, value, supported));
  }
}
