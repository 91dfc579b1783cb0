package io.pilothouse.logs;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import io.pilothouse.registry.ObjectRegistry;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.ResourceTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upstream's {@code pod.LogLocation}: finds the pod (404), settles the container (the only one, or
 * 400 with upstream's message naming the choices; 400 for a name the pod does not have), and builds
 * the URL of the kubelet of the pod's node from the Node's {@code InternalIP} and {@code
 * daemonEndpoints.kubeletEndpoint.Port}: {@code /containerLogs/{ns}/{pod}/{container}}. Only
 * loopback node addresses are used, since every component here lives on 127.0.0.0/8.
 */
@ApplicationScoped
public class PodLogLocator {

  private static final int DEFAULT_KUBELET_PORT = 10250;

  @Inject ObjectRegistry registry;
  @Inject ResourceTypes types;

  /** Where to read the log the options ask for. */
  public PodLogLocation locate(String namespace, String name, PodLogOptions options) {
    ObjectNode pod = registry.get(type("pods"), namespace, name);
    String container = container(pod, name, options.container());
    String nodeName = pod.path("spec").path("nodeName").asString("");
    if (nodeName.isEmpty()) {
      return new PodLogLocation(null, container);
    }
    Optional<ObjectNode> node = registry.find(type("nodes"), "", nodeName);
    if (node.isEmpty()) {
      throw unavailable("node " + nodeName + " of pod " + name + " is not registered");
    }
    String host = loopbackAddress(node.get(), nodeName);
    int port =
        node.get()
            .path("status")
            .path("daemonEndpoints")
            .path("kubeletEndpoint")
            .path("Port")
            .asInt(DEFAULT_KUBELET_PORT);
    String path =
        "/containerLogs/"
            + encode(namespace)
            + "/"
            + encode(name)
            + "/"
            + encode(container)
            + query(options.kubeletQuery());
    return new PodLogLocation(URI.create("http://" + host + ":" + port + path), container);
  }

  private static String container(ObjectNode pod, String name, String requested) {
    List<String> containers = names(pod.path("spec").path("containers"));
    if (requested == null) {
      if (containers.size() == 1) {
        return containers.get(0);
      }
      if (containers.isEmpty()) {
        throw badRequest("a container name must be specified for pod " + name);
      }
      String message =
          "a container name must be specified for pod "
              + name
              + ", choose one of: ["
              + String.join(" ", containers)
              + "]";
      List<String> inits = names(pod.path("spec").path("initContainers"));
      if (!inits.isEmpty()) {
        message += " or one of the init containers: [" + String.join(" ", inits) + "]";
      }
      throw badRequest(message);
    }
    List<String> all = new ArrayList<>(containers);
    all.addAll(names(pod.path("spec").path("initContainers")));
    all.addAll(names(pod.path("spec").path("ephemeralContainers")));
    if (!all.contains(requested)) {
      throw badRequest("container " + requested + " is not valid for pod " + name);
    }
    return requested;
  }

  private static String loopbackAddress(ObjectNode node, String nodeName) {
    for (JsonNode address : node.path("status").path("addresses")) {
      if ("InternalIP".equals(address.path("type").asString(""))) {
        String ip = address.path("address").asString("");
        if (ip.startsWith("127.")) {
          return ip;
        }
        throw unavailable(
            "node " + nodeName + " has InternalIP " + ip + ", not a loopback address");
      }
    }
    throw unavailable("node " + nodeName + " has no InternalIP address");
  }

  private static List<String> names(JsonNode containers) {
    List<String> names = new ArrayList<>();
    for (JsonNode container : containers) {
      names.add(container.path("name").asString(""));
    }
    return names;
  }

  private static String query(Map<String, String> parameters) {
    if (parameters.isEmpty()) {
      return "";
    }
    return parameters.entrySet().stream()
        .map(e -> e.getKey() + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&", "?", ""));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private ResourceType type(String resource) {
    return types.find("", "v1", resource).orElseThrow();
  }

  private static StatusException badRequest(String message) {
    return new StatusException(400, StatusReasons.BAD_REQUEST, message);
  }

  private static StatusException unavailable(String message) {
    return new StatusException(503, StatusReasons.SERVICE_UNAVAILABLE, message);
  }
}
