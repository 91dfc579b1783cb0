package io.pilothouse.dashboard;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import io.pilothouse.json.KubernetesJson;
import io.pilothouse.registry.DeleteOptions;
import io.pilothouse.registry.DeleteResult;
import io.pilothouse.registry.ObjectNodes;
import io.pilothouse.registry.ObjectRegistry;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.ResourceTypes;
import io.pilothouse.registry.patch.PatchType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.Principal;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Actions on any object: create from YAML (validation failures come back as the registry's 422
 * {@link StatusException} with one cause per field), delete, edit labels, and create or delete
 * namespaces. All through {@link ObjectRegistry}, as the API writes.
 */
@Stateless
public class ObjectActions {

  @Inject private ObjectRegistry registry;
  @Inject private ResourceTypes types;
  @Inject private ObjectQueries objects;

  /** What a create made: its resource, namespace and name. */
  public record Created(String group, String resource, String namespace, String name) {}

  /** Creates the object the YAML describes, in its namespace or {@code defaultNamespace}. */
  public Created createFromYaml(String yaml, String defaultNamespace, Principal user) {
    ObjectNode object = Yaml.read(yaml);
    String apiVersion = ObjectNodes.text(object, "apiVersion");
    String kind = ObjectNodes.text(object, "kind");
    if (apiVersion == null || kind == null) {
      throw new StatusException(
          400, StatusReasons.BAD_REQUEST, "The YAML must set apiVersion and kind");
    }
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    ResourceType type =
        types
            .forKind(group, kind)
            .orElseThrow(
                () ->
                    new StatusException(
                        400,
                        StatusReasons.BAD_REQUEST,
                        "The server does not serve kind " + kind + " in " + apiVersion));
    String namespace = ObjectNodes.namespace(object);
    if (type.namespaced() && (namespace == null || namespace.isEmpty())) {
      namespace =
          defaultNamespace == null || defaultNamespace.isEmpty() ? "default" : defaultNamespace;
      ObjectNodes.metadata(object).put("namespace", namespace);
    }
    String what = "create " + kind + " " + (namespace == null ? "" : namespace + "/");
    ObjectNode created =
        registry.create(
            type, namespace, object, Audit.write(user, what + ObjectNodes.name(object)));
    return new Created(
        type.group(),
        type.resource(),
        PodRow.orEmpty(ObjectNodes.namespace(created)),
        ObjectNodes.name(created));
  }

  /** Deletes one object (gracefully, as {@code kubectl delete}). */
  public DeleteResult delete(
      String group, String resource, String namespace, String name, Principal user) {
    Audit.log(user, "delete " + resource + " " + namespace + "/" + name);
    return registry.delete(objects.type(group, resource), namespace, name, DeleteOptions.DEFAULT);
  }

  /** Replaces an object's labels. */
  public void setLabels(
      String group,
      String resource,
      String namespace,
      String name,
      Map<String, String> labels,
      Principal user) {
    replaceLabels(registry, objects.type(group, resource), namespace, name, labels, user);
  }

  /** Creates a namespace. */
  public void createNamespace(String name, Principal user) {
    ObjectNode ns = KubernetesJson.mapper().createObjectNode();
    ns.put("apiVersion", "v1").put("kind", "Namespace").putObject("metadata").put("name", name);
    registry.create(
        objects.type("", "namespaces"), null, ns, Audit.write(user, "create namespace " + name));
  }

  /** Deletes a namespace; it shows Terminating until its contents are gone. */
  public void deleteNamespace(String name, Principal user) {
    delete("", "namespaces", null, name, user);
  }

  static void replaceLabels(
      ObjectRegistry registry,
      ResourceType type,
      String namespace,
      String name,
      Map<String, String> labels,
      Principal user) {
    ObjectNode current = registry.get(type, namespace, name);
    ObjectNode patch = KubernetesJson.mapper().createObjectNode();
    ObjectNode metadata = patch.putObject("metadata");
    metadata.put("resourceVersion", ObjectNodes.text(current, "metadata.resourceVersion"));
    ObjectNode patchLabels = metadata.putObject("labels");
    ObjectNodes.stringMap(current, "metadata.labels").keySet().forEach(patchLabels::putNull);
    labels.forEach(patchLabels::put);
    registry.patch(
        type,
        namespace,
        name,
        PatchType.MERGE_PATCH,
        patch.toString(),
        false,
        Audit.write(user, "set labels of " + type.resource() + " " + name + " to " + labels));
  }
}
