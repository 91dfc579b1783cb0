package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceFieldSelector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The downward API: the values of {@code fieldRef} and {@code resourceFieldRef} for env vars and
 * downwardAPI volumes, formatted as upstream's kubelet formats them.
 */
public final class PodFields {

  private PodFields() {}

  /** The value of a fieldRef path, or null when the path is not supported. */
  public static String field(Pod pod, String path, String podIp, String hostIp) {
    var meta = pod.getMetadata();
    if (path.startsWith("metadata.labels[")) {
      return mapEntry(meta.getLabels(), path.substring("metadata.labels".length()));
    }
    if (path.startsWith("metadata.annotations[")) {
      return mapEntry(meta.getAnnotations(), path.substring("metadata.annotations".length()));
    }
    return switch (path) {
      case "metadata.name" -> meta.getName();
      case "metadata.namespace" -> meta.getNamespace();
      case "metadata.uid" -> meta.getUid();
      case "metadata.labels" -> formatMap(meta.getLabels());
      case "metadata.annotations" -> formatMap(meta.getAnnotations());
      case "spec.nodeName" -> pod.getSpec().getNodeName();
      case "spec.serviceAccountName" -> nullToEmpty(pod.getSpec().getServiceAccountName());
      case "status.podIP", "status.podIPs" -> nullToEmpty(podIp);
      case "status.hostIP", "status.hostIPs" -> nullToEmpty(hostIp);
      default -> null;
    };
  }

  private static String mapEntry(Map<String, String> map, String subscript) {
    String key = subscript.replaceAll("^\\['?|'?]$", "");
    return map == null ? "" : nullToEmpty(map.get(key));
  }

  /** Upstream's rendering of labels and annotations: sorted {@code key="value"} lines. */
  static String formatMap(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return "";
    }
    return new TreeMap<>(map)
        .entrySet().stream()
            .map(
                e ->
                    e.getKey()
                        + "=\""
                        + e.getValue()
                            .replace("\\", "\\\\")
                            .replace("\"", "\\\"")
                            .replace("\n", "\\n")
                        + "\"")
            .collect(Collectors.joining("\n"));
  }

  /**
   * The value of a resourceFieldRef: the container's limit (the node's allocatable when it has
   * none) or request, divided by the divisor and rounded up.
   */
  public static String resource(
      Pod pod,
      String defaultContainer,
      ResourceFieldSelector ref,
      Map<String, Quantity> allocatable) {
    String name =
        ref.getContainerName() == null || ref.getContainerName().isBlank()
            ? defaultContainer
            : ref.getContainerName();
    Container container =
        Stream.concat(
                pod.getSpec().getContainers().stream(),
                pod.getSpec().getInitContainers() == null
                    ? Stream.empty()
                    : pod.getSpec().getInitContainers().stream())
            .filter(c -> c.getName().equals(name))
            .findFirst()
            .orElse(null);
    String resource = ref.getResource();
    Quantity value = null;
    if (container != null && container.getResources() != null) {
      Map<String, Quantity> source =
          resource.startsWith("limits.")
              ? container.getResources().getLimits()
              : container.getResources().getRequests();
      value = source == null ? null : source.get(resource.substring(resource.indexOf('.') + 1));
    }
    if (value == null && resource.startsWith("limits.")) {
      value = allocatable.get(resource.substring("limits.".length()));
    }
    BigDecimal amount = value == null ? BigDecimal.ZERO : value.getNumericalAmount();
    BigDecimal divisor =
        ref.getDivisor() == null ? BigDecimal.ONE : ref.getDivisor().getNumericalAmount();
    if (divisor.signum() == 0) {
      divisor = BigDecimal.ONE;
    }
    return amount.divide(divisor, 0, RoundingMode.CEILING).toPlainString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
