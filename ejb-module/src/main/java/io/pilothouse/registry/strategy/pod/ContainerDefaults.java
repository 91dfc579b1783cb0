package io.pilothouse.registry.strategy.pod;

import io.pilothouse.registry.validation.Quantities;
import io.pilothouse.registry.validation.Trees;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upstream's defaults for one container ({@code SetDefaults_Container}, {@code SetDefaults_Probe},
 * {@code SetDefaults_HTTPGetAction} and the generated ones): image pull policy from the tag,
 * termination message, port protocol, probe timings, downward API field versions, and resource
 * quantities in canonical form.
 */
public final class ContainerDefaults {

  private static final List<String> PROBES =
      List.of("livenessProbe", "readinessProbe", "startupProbe");

  private ContainerDefaults() {}

  /** Fills the defaults of a container, init container or ephemeral container. */
  public static void apply(ObjectNode container) {
    Trees.putIfAbsent(container, "imagePullPolicy", pullPolicy(Trees.text(container, "image")));
    Trees.putIfAbsent(container, "terminationMessagePath", "/dev/termination-log");
    Trees.putIfAbsent(container, "terminationMessagePolicy", "File");
    for (ObjectNode port : Trees.objects(container, "ports")) {
      Trees.putIfAbsent(port, "protocol", "TCP");
    }
    for (String probe : PROBES) {
      ObjectNode node = Trees.object(container, probe);
      if (node != null) {
        applyProbe(node);
      }
    }
    ObjectNode lifecycle = Trees.object(container, "lifecycle");
    if (lifecycle != null) {
      applyHandler(Trees.object(lifecycle, "postStart"));
      applyHandler(Trees.object(lifecycle, "preStop"));
    }
    for (ObjectNode env : Trees.objects(container, "env")) {
      applyEnvSource(Trees.object(env, "valueFrom"));
    }
    ObjectNode resources = Trees.ensureObject(container, "resources");
    canonicalizeResourceList(Trees.object(resources, "limits"));
    canonicalizeResourceList(Trees.object(resources, "requests"));
  }

  /**
   * {@code Always} for {@code :latest} or an untagged image without digest, else {@code
   * IfNotPresent}, as upstream's {@code parsers.ParseImageName} decides.
   */
  public static String pullPolicy(String image) {
    if (image == null || image.isBlank()) {
      return "IfNotPresent";
    }
    String reference = image;
    boolean digest = false;
    int at = reference.indexOf('@');
    if (at >= 0) {
      digest = true;
      reference = reference.substring(0, at);
    }
    int slash = reference.lastIndexOf('/');
    int colon = reference.lastIndexOf(':');
    if (colon <= slash) {
      return digest ? "IfNotPresent" : "Always";
    }
    return reference.substring(colon + 1).equals("latest") ? "Always" : "IfNotPresent";
  }

  /** Rounds each valid quantity up to milli scale and writes it in canonical form. */
  public static void canonicalizeResourceList(ObjectNode list) {
    if (list == null) {
      return;
    }
    for (Map.Entry<String, JsonNode> entry : List.copyOf(list.properties())) {
      JsonNode value = entry.getValue();
      if (value.isString() || value.isNumber()) {
        String text = value.asString();
        if (Quantities.isValid(text)) {
          list.put(entry.getKey(), Quantities.canonical(text, Quantities.MILLI_SCALE));
        }
      }
    }
  }

  /** Writes a single quantity field in canonical form (nano scale) when it is valid. */
  static void canonicalizeQuantity(ObjectNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value != null && (value.isString() || value.isNumber())) {
      String text = value.asString();
      if (Quantities.isValid(text)) {
        node.put(field, Quantities.canonical(text, Quantities.NANO_SCALE));
      }
    }
  }

  private static void applyProbe(ObjectNode probe) {
    Trees.putIfAbsent(probe, "timeoutSeconds", 1);
    Trees.putIfAbsent(probe, "periodSeconds", 10);
    Trees.putIfAbsent(probe, "successThreshold", 1);
    Trees.putIfAbsent(probe, "failureThreshold", 3);
    applyHandler(probe);
    ObjectNode grpc = Trees.object(probe, "grpc");
    if (grpc != null) {
      Trees.putIfAbsent(grpc, "service", "");
    }
  }

  private static void applyHandler(ObjectNode handler) {
    ObjectNode httpGet = Trees.object(handler, "httpGet");
    if (httpGet != null) {
      Trees.putIfAbsent(httpGet, "path", "/");
      Trees.putIfAbsent(httpGet, "scheme", "HTTP");
    }
  }

  /** Defaults of an env var's {@code valueFrom} or a downward API volume item. */
  static void applyEnvSource(ObjectNode source) {
    ObjectNode fieldRef = Trees.object(source, "fieldRef");
    if (fieldRef != null) {
      Trees.putIfAbsent(fieldRef, "apiVersion", "v1");
    }
    ObjectNode resourceFieldRef = Trees.object(source, "resourceFieldRef");
    if (resourceFieldRef != null) {
      Trees.putIfAbsent(resourceFieldRef, "divisor", "0");
      canonicalizeQuantity(resourceFieldRef, "divisor");
    }
  }
}
