package io.pilothouse.discovery;

import io.pilothouse.json.KubernetesJson;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.ResourceTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The discovery documents kube-apiserver serves ({@code /api}, {@code /apis}, {@code
 * /apis/{group}}, {@code /api/v1}, {@code /apis/{group}/{version}}), built from the catalog of
 * served resources: kinds, verbs, namespaced, short names, categories and subresources.
 */
@ApplicationScoped
public class DiscoveryDocuments {

  private static final String VERSION = "v1";

  @Inject private ResourceTypes types;

  /** {@code GET /api}: the core group's versions. */
  public ObjectNode coreVersions() {
    ObjectNode doc = object("APIVersions", null);
    doc.putArray("versions").add(VERSION);
    ArrayNode addresses = doc.putArray("serverAddressByClientCIDRs");
    ObjectNode any = addresses.addObject();
    any.put("clientCIDR", "0.0.0.0/0");
    any.put("serverAddress", "");
    return doc;
  }

  /** {@code GET /apis}: every named group. */
  public ObjectNode groups() {
    ObjectNode doc = object("APIGroupList", "v1");
    ArrayNode groups = doc.putArray("groups");
    for (String group : types.groups()) {
      groups.add(group(group));
    }
    return doc;
  }

  /** {@code GET /apis/{group}}, if the group is served. */
  public Optional<ObjectNode> groupDocument(String name) {
    if (!types.groups().contains(name)) {
      return Optional.empty();
    }
    ObjectNode doc = group(name);
    doc.put("kind", "APIGroup");
    doc.put("apiVersion", "v1");
    return Optional.of(doc);
  }

  /** {@code GET /api/v1} or {@code GET /apis/{group}/{version}}, if served. */
  public Optional<ObjectNode> resources(String group, String version) {
    List<ResourceType> served = types.inGroupVersion(group, version);
    if (served.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode doc = object("APIResourceList", "v1");
    doc.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
    ArrayNode resources = doc.putArray("resources");
    for (ResourceType type : served) {
      resources.add(resource(type));
      for (String sub : type.subresources().stream().sorted().toList()) {
        resources.add(subresource(type, sub));
      }
    }
    return Optional.of(doc);
  }

  private ObjectNode group(String name) {
    ObjectNode group = KubernetesJson.mapper().createObjectNode();
    group.put("name", name);
    ObjectNode version = group.putArray("versions").addObject();
    version.put("groupVersion", name + "/" + VERSION);
    version.put("version", VERSION);
    group.putObject("preferredVersion").setAll(version.deepCopy());
    return group;
  }

  private static ObjectNode resource(ResourceType type) {
    ObjectNode node = KubernetesJson.mapper().createObjectNode();
    node.put("name", type.resource());
    node.put("singularName", type.singular());
    node.put("namespaced", type.namespaced());
    node.put("kind", type.kind());
    ArrayNode verbs = node.putArray("verbs");
    ResourceType.VERBS.forEach(verbs::add);
    if (!type.shortNames().isEmpty()) {
      ArrayNode shortNames = node.putArray("shortNames");
      type.shortNames().forEach(shortNames::add);
    }
    if (!type.categories().isEmpty()) {
      ArrayNode categories = node.putArray("categories");
      type.categories().forEach(categories::add);
    }
    return node;
  }

  private static ObjectNode subresource(ResourceType type, String sub) {
    ObjectNode node = KubernetesJson.mapper().createObjectNode();
    node.put("name", type.resource() + "/" + sub);
    node.put("singularName", "");
    node.put("namespaced", type.namespaced());
    ArrayNode verbs = node.putArray("verbs");
    switch (sub) {
      case "status", "scale" -> {
        node.put("kind", sub.equals("scale") ? "Scale" : type.kind());
        if (sub.equals("scale")) {
          node.put("group", "autoscaling");
          node.put("version", "v1");
        }
        List.of("get", "patch", "update").forEach(verbs::add);
      }
      case "binding" -> {
        node.put("kind", "Binding");
        verbs.add("create");
      }
      case "eviction" -> {
        node.put("kind", "Eviction");
        node.put("group", "policy");
        node.put("version", "v1");
        verbs.add("create");
      }
      case "finalize" -> {
        node.put("kind", type.kind());
        verbs.add("update");
      }
      case "log" -> {
        node.put("kind", "Pod");
        verbs.add("get");
      }
      default -> {
        node.put("kind", type.kind());
        verbs.add("get");
      }
    }
    return node;
  }

  private static ObjectNode object(String kind, String apiVersion) {
    ObjectNode doc = KubernetesJson.mapper().createObjectNode();
    doc.put("kind", kind);
    if (apiVersion != null) {
      doc.put("apiVersion", apiVersion);
    }
    return doc;
  }
}
