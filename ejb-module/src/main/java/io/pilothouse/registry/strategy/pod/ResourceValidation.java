package io.pilothouse.registry.strategy.pod;

import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.Names;
import io.pilothouse.registry.validation.Numbers;
import io.pilothouse.registry.validation.Quantities;
import io.pilothouse.registry.validation.Trees;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * Resource requirements, as upstream's {@code validateResourceRequirements}: resource names,
 * quantities that parse and are not negative, requests no larger than limits (equal for extended
 * resources and hugepages), and pod-level resources consistent with the containers'.
 */
final class ResourceValidation {

  private static final Set<String> STANDARD_CONTAINER =
      Set.of("cpu", "memory", "ephemeral-storage");
  private static final Set<String> STANDARD =
      Set.of(
          "cpu",
          "memory",
          "ephemeral-storage",
          "requests.cpu",
          "requests.memory",
          "requests.ephemeral-storage",
          "limits.cpu",
          "limits.memory",
          "limits.ephemeral-storage",
          "pods",
          "services",
          "replicationcontrollers",
          "resourcequotas",
          "secrets",
          "persistentvolumeclaims",
          "configmaps",
          "requests.storage",
          "services.nodeports",
          "services.loadbalancers",
          "storage");

  private ResourceValidation() {}

  /** A container's {@code resources}. */
  static List<FieldError> validateContainer(JsonNode resources, String path) {
    return validateRequirements(resources, path, ResourceValidation::containerResourceName);
  }

  /** {@code spec.resources}, the pod-level requirements, and their consistency. */
  static List<FieldError> validatePod(JsonNode spec, String path) {
    JsonNode resources = spec.get("resources");
    if (resources == null || resources.isNull()) {
      return List.of();
    }
    List<FieldError> errs = new ArrayList<>();
    if (Trees.present(resources, "claims")) {
      errs.add(
          FieldError.forbidden(
              path + ".claims", "claims cannot be set for Resources at pod-level"));
    }
    errs.addAll(validateRequirements(resources, path, ResourceValidation::podResourceName));
    errs.addAll(validatePodConsistency(spec, resources, path));
    return errs;
  }

  private static List<FieldError> validateRequirements(
      JsonNode resources, String path, BiFunction<String, String, List<FieldError>> nameCheck) {
    List<FieldError> errs = new ArrayList<>();
    Map<String, String> limits = Trees.stringMap(resources, "limits");
    Map<String, String> requests = Trees.stringMap(resources, "requests");
    boolean cpuOrMemory = false;
    boolean hugePages = false;
    for (Map.Entry<String, String> limit : limits.entrySet()) {
      String lpath = path + ".limits[" + limit.getKey() + "]";
      errs.addAll(nameCheck.apply(limit.getKey(), lpath));
      errs.addAll(validateQuantity(limit.getKey(), limit.getValue(), lpath));
      cpuOrMemory |= isCpuOrMemory(limit.getKey());
      hugePages |= limit.getKey().startsWith("hugepages-");
    }
    for (Map.Entry<String, String> request : requests.entrySet()) {
      String name = request.getKey();
      String rpath = path + ".requests[" + name + "]";
      errs.addAll(nameCheck.apply(name, rpath));
      errs.addAll(validateQuantity(name, request.getValue(), rpath));
      errs.addAll(compareWithLimit(name, request.getValue(), limits.get(name), path));
      cpuOrMemory |= isCpuOrMemory(name);
      hugePages |= name.startsWith("hugepages-");
    }
    if (hugePages && !cpuOrMemory) {
      errs.add(FieldError.forbidden(path, "HugePages require cpu or memory"));
    }
    return errs;
  }

  private static List<FieldError> compareWithLimit(
      String name, String request, String limit, String path) {
    if (limit == null) {
      return isOvercommitAllowed(name)
          ? List.of()
          : List.of(
              FieldError.required(
                  path + ".limits", "Limit must be set for non overcommitable resources"));
    }
    if (!Quantities.isValid(request) || !Quantities.isValid(limit)) {
      return List.of();
    }
    int cmp = Quantities.compare(request, limit);
    String shown = Quantities.canonical(request, Quantities.NANO_SCALE);
    String limitShown = Quantities.canonical(limit, Quantities.NANO_SCALE);
    if (cmp != 0 && !isOvercommitAllowed(name)) {
      return List.of(
          FieldError.invalid(
              path + ".requests", shown, "must be equal to " + name + " limit of " + limitShown));
    }
    if (cmp > 0) {
      return List.of(
          FieldError.invalid(
              path + ".requests",
              shown,
              "must be less than or equal to " + name + " limit of " + limitShown));
    }
    return List.of();
  }

  /** {@code ValidateResourceQuantityValue}, plus a parse check standing in for the decode error. */
  static List<FieldError> validateQuantity(String name, String value, String path) {
    String error = Quantities.error(value);
    if (error != null) {
      return List.of(FieldError.invalid(path, value, error));
    }
    BigDecimal amount = Quantities.decimal(value);
    String shown = Quantities.canonical(value, Quantities.NANO_SCALE);
    List<FieldError> errs = new ArrayList<>();
    if (amount.signum() < 0) {
      errs.add(FieldError.invalid(path, shown, Numbers.NEGATIVE));
    }
    if (isExtended(name) && amount.stripTrailingZeros().scale() > 0) {
      errs.add(FieldError.invalid(path, shown, "must be an integer"));
    }
    if (name.startsWith("hugepages-") && !divisibleByPageSize(name, amount)) {
      errs.add(
          FieldError.invalid(path, shown, shown + " is not positive integer multiple of " + name));
    }
    return errs;
  }

  private static boolean divisibleByPageSize(String name, BigDecimal amount) {
    String size = name.substring("hugepages-".length());
    if (!Quantities.isValid(size) || Quantities.decimal(size).signum() <= 0) {
      return false;
    }
    BigDecimal pageSize = Quantities.decimal(size);
    return amount.signum() > 0 && amount.remainder(pageSize).signum() == 0;
  }

  /** {@code validateContainerResourceName}. */
  private static List<FieldError> containerResourceName(String name, String path) {
    List<FieldError> errs = resourceName(name, path);
    if (!name.contains("/")) {
      if (!STANDARD_CONTAINER.contains(name) && !name.startsWith("hugepages-")) {
        errs.add(FieldError.invalid(path, name, "must be a standard resource for containers"));
      }
    } else if (!isNative(name) && !isExtended(name)) {
      errs.add(FieldError.invalid(path, name, "doesn't follow extended resource name standard"));
    }
    return errs;
  }

  /** {@code validatePodResourceName}: only cpu, memory and hugepages at pod level. */
  private static List<FieldError> podResourceName(String name, String path) {
    List<FieldError> errs = resourceName(name, path);
    if (errs.isEmpty() && !PodDefaults.isPodLevelResource(name)) {
      errs.add(FieldError.notSupported(path, name, List.of("cpu", "memory")));
    }
    return errs;
  }

  /** {@code validateResourceName}: a qualified name, standard when unprefixed. */
  private static List<FieldError> resourceName(String name, String path) {
    List<FieldError> errs = new ArrayList<>();
    Names.qualifiedName(name).forEach(msg -> errs.add(FieldError.invalid(path, name, msg)));
    if (errs.isEmpty()
        && !name.contains("/")
        && !STANDARD.contains(name)
        && !name.startsWith("hugepages-")
        && !name.startsWith("requests.hugepages-")) {
      errs.add(
          FieldError.invalid(path, name, "must be a standard resource type or fully qualified"));
    }
    return errs;
  }

  private static List<FieldError> validatePodConsistency(
      JsonNode spec, JsonNode resources, String path) {
    List<FieldError> errs = new ArrayList<>();
    Map<String, String> podRequests = Trees.stringMap(resources, "requests");
    for (String name : List.of("cpu", "memory")) {
      BigDecimal sum = BigDecimal.ZERO;
      boolean any = false;
      for (JsonNode container : Trees.items(spec, "containers")) {
        String request = Trees.text(container.path("resources").path("requests"), name);
        if (request != null && Quantities.isValid(request)) {
          sum = sum.add(Quantities.decimal(request));
          any = true;
        }
      }
      String podRequest = podRequests.getOrDefault(name, "0");
      if (any
          && Quantities.isValid(podRequest)
          && sum.compareTo(Quantities.decimal(podRequest)) > 0) {
        errs.add(
            FieldError.invalid(
                path + ".requests[" + name + "]",
                Quantities.canonical(podRequest, Quantities.NANO_SCALE),
                "must be greater than or equal to aggregate container requests of "
                    + Quantities.canonical(sum.toPlainString(), Quantities.NANO_SCALE)));
      }
    }
    errs.addAll(validateContainerLimitsWithinPod(spec, resources, path));
    return errs;
  }

  private static List<FieldError> validateContainerLimitsWithinPod(
      JsonNode spec, JsonNode resources, String path) {
    List<FieldError> errs = new ArrayList<>();
    Map<String, String> podLimits = Trees.stringMap(resources, "limits");
    List<JsonNode> containers = Trees.items(spec, "containers");
    for (int i = 0; i < containers.size(); i++) {
      Map<String, String> limits = Trees.stringMap(containers.get(i).path("resources"), "limits");
      for (Map.Entry<String, String> limit : limits.entrySet()) {
        String podLimit = podLimits.get(limit.getKey());
        if (podLimit == null
            || !Quantities.isValid(podLimit)
            || !Quantities.isValid(limit.getValue())) {
          continue;
        }
        if (Quantities.compare(limit.getValue(), podLimit) > 0) {
          errs.add(
              FieldError.invalid(
                  path + ".containers[" + i + "][" + limit.getKey() + "].limits",
                  Quantities.canonical(limit.getValue(), Quantities.NANO_SCALE),
                  "must be less than or equal to pod limits of "
                      + Quantities.canonical(podLimit, Quantities.NANO_SCALE)));
        }
      }
    }
    return errs;
  }

  private static boolean isCpuOrMemory(String name) {
    return name.equals("cpu") || name.equals("memory");
  }

  /** {@code IsNativeResource}: unprefixed or in the kubernetes.io domain. */
  private static boolean isNative(String name) {
    return !name.contains("/") || name.contains("kubernetes.io/");
  }

  /** {@code IsExtendedResourceName}: prefixed outside kubernetes.io, not a quota name. */
  static boolean isExtended(String name) {
    return !isNative(name) && !name.startsWith("requests.");
  }

  /** {@code IsOvercommitAllowed}: native resources other than hugepages. */
  private static boolean isOvercommitAllowed(String name) {
    return isNative(name) && !name.startsWith("hugepages-");
  }
}
