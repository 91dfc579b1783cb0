package io.pilothouse.controller.runtime;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.pilothouse.controller.ObjectClient;
import io.pilothouse.json.KubernetesJson;
import io.pilothouse.registry.DeleteOptions;
import io.pilothouse.registry.ListOptions;
import io.pilothouse.registry.ObjectRegistry;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.WriteOptions;
import io.pilothouse.registry.patch.PatchType;
import io.pilothouse.scheduler.plugins.defaultbinder.DefaultBinder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The production {@link ObjectClient}: every read and write of the scheduler and the controllers
 * goes through {@link ObjectRegistry}, the same path as a user's request, converting fabric8's
 * typed model to and from the registry's JSON trees with the control plane's one mapper. Each call
 * is its own transaction when made from a controller's worker thread.
 */
@ApplicationScoped
public class RegistryObjectClient implements ObjectClient {

  /** The field manager named on every write made through this client. */
  static final String FIELD_MANAGER = "kube-controller-manager";

  private static final WriteOptions WRITE =
      new WriteOptions(false, WriteOptions.FieldValidation.IGNORE, FIELD_MANAGER);

  @Inject private ObjectRegistry registry;
  @Inject private ResourceKinds kinds;

  @Override
  public <T extends HasMetadata> Optional<T> get(Class<T> kind, String namespace, String name) {
    return registry.find(kinds.of(kind), namespace, name).map(node -> typed(node, kind));
  }

  @Override
  public <T extends HasMetadata> List<T> list(
      Class<T> kind, String namespace, String labelSelector, String fieldSelector) {
    ListOptions options =
        new ListOptions(labelSelector, fieldSelector, 0, null, null, false, null, false);
    return registry.list(kinds.of(kind), namespace, options).items().stream()
        .map(node -> typed(node, kind))
        .toList();
  }

  @Override
  public <T extends HasMetadata> T create(T object) {
    ResourceType type = kinds.of(object.getClass());
    return typedLike(
        registry.create(type, object.getMetadata().getNamespace(), tree(object), WRITE), object);
  }

  @Override
  public <T extends HasMetadata> T update(T object) {
    return replace(object, false);
  }

  @Override
  public <T extends HasMetadata> T updateStatus(T object) {
    return replace(object, true);
  }

  private <T extends HasMetadata> T replace(T object, boolean status) {
    ResourceType type = kinds.of(object.getClass());
    String namespace = object.getMetadata().getNamespace();
    String name = object.getMetadata().getName();
    ObjectNode written =
        status
            ? registry.updateStatus(type, namespace, name, tree(object), WRITE)
            : registry.update(type, namespace, name, tree(object), WRITE);
    return typedLike(written, object);
  }

  @Override
  public <T extends HasMetadata> T mergePatch(
      Class<T> kind, String namespace, String name, String patch, boolean status) {
    ObjectNode patched =
        registry.patch(
            kinds.of(kind), namespace, name, PatchType.MERGE_PATCH, patch, status, WRITE);
    return typed(patched, kind);
  }

  @Override
  public boolean delete(
      Class<? extends HasMetadata> kind,
      String namespace,
      String name,
      String propagationPolicy,
      String uid,
      Long gracePeriodSeconds) {
    ResourceType type = kinds.of(kind);
    if (registry.find(type, namespace, name).isEmpty()) {
      return false;
    }
    registry.delete(
        type,
        namespace,
        name,
        new DeleteOptions(gracePeriodSeconds, propagationPolicy, uid, null, false));
    return true;
  }

  @Override
  public void evict(String namespace, String name) {
    ResourceType pods = kinds.resource("", "pods");
    if (registry.find(pods, namespace, name).isPresent()) {
      registry.evict(pods, namespace, name, DeleteOptions.DEFAULT);
    }
  }

  @Override
  public void bind(String namespace, String name, String uid, String nodeName) {
    Binding binding = DefaultBinder.binding(namespace, name, uid, nodeName);
    registry.bind(kinds.resource("", "pods"), namespace, name, tree(binding));
  }

  @Override
  public Namespace finalizeNamespace(Namespace namespace) {
    String name = namespace.getMetadata().getName();
    return typed(
        registry.finalizeNamespace(kinds.of(Namespace.class), name, tree(namespace)),
        Namespace.class);
  }

  /** The registry's tree form of a typed object (apiVersion and kind as fabric8 sets them). */
  static ObjectNode tree(HasMetadata object) {
    return KubernetesJson.mapper().valueToTree(object);
  }

  static <T> T typed(ObjectNode node, Class<T> kind) {
    return KubernetesJson.mapper().treeToValue(node, kind);
  }

  @SuppressWarnings("unchecked")
  private static <T extends HasMetadata> T typedLike(ObjectNode node, T like) {
    return (T) typed(node, like.getClass());
  }
}
