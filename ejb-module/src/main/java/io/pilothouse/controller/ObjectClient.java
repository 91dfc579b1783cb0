package io.pilothouse.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.pilothouse.json.KubernetesJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What the scheduler and the controllers may do to API objects: the same reads and writes a user
 * makes, through the registry's one write path (so defaults, validation, revisions, the event log
 * and the change feed all apply), on fabric8's typed model. The production implementation calls
 * {@code ObjectRegistry}; unit tests use an in-memory fake.
 *
 * <p>Errors are {@link io.pilothouse.api.StatusException}s carrying the HTTP code a client would
 * see: 404 when absent, 409 for a stale resourceVersion or an existing name, 422 for invalid
 * objects. Controllers treat 409 and 404 as "requeue and look again", never as failures.
 */
public interface ObjectClient {

  /** The object, if it exists; {@code namespace} is null for cluster-scoped kinds. */
  <T extends HasMetadata> Optional<T> get(Class<T> kind, String namespace, String name);

  /**
   * Objects of a kind, in one namespace or all ({@code namespace} null), optionally narrowed by a
   * label selector and a field selector in Kubernetes syntax (either may be null).
   */
  <T extends HasMetadata> List<T> list(
      Class<T> kind, String namespace, String labelSelector, String fieldSelector);

  /**
   * The names of a kind's objects in one namespace or all ({@code namespace} null); a client that
   * can answer without decoding every object does.
   */
  default List<String> names(Class<? extends HasMetadata> kind, String namespace) {
    return list(kind, namespace, null, null).stream().map(o -> o.getMetadata().getName()).toList();
  }

  /**
   * How many of a kind's objects (one namespace or all, {@code namespace} null) have each value of
   * a selectable field such as {@code spec.nodeName}, a missing field counting as {@code ""}. A
   * client that keeps the indexed fields beside the objects answers without decoding them.
   */
  default Map<String, Integer> countByField(
      Class<? extends HasMetadata> kind, String namespace, String fieldPath) {
    Map<String, Integer> counts = new HashMap<>();
    for (HasMetadata object : list(kind, namespace, null, null)) {
      JsonNode node = KubernetesJson.mapper().valueToTree(object);
      for (String step : fieldPath.split("\\.")) {
        node = node.path(step);
      }
      counts.merge(node.isValueNode() ? node.asString() : "", 1, Integer::sum);
    }
    return counts;
  }

  /** Creates the object (generateName honoured); returns it as stored. */
  <T extends HasMetadata> T create(T object);

  /** Replaces the object; a set resourceVersion must be current (else 409). */
  <T extends HasMetadata> T update(T object);

  /** Replaces the object's status through the {@code status} subresource. */
  <T extends HasMetadata> T updateStatus(T object);

  /** Applies a JSON merge patch (RFC 7386) to the object, or to its status if {@code status}. */
  <T extends HasMetadata> T mergePatch(
      Class<T> kind, String namespace, String name, String patch, boolean status);

  /**
   * Deletes the object.
   *
   * @param propagationPolicy {@code Background}, {@code Foreground}, {@code Orphan} or null for the
   *     kind's default
   * @param uid when not null, a precondition: only the object with this uid is deleted (409
   *     otherwise)
   * @param gracePeriodSeconds null for the object's own grace period; 0 deletes a pod at once
   * @return whether an object was deleted or marked for deletion (false if it was already absent)
   */
  boolean delete(
      Class<? extends HasMetadata> kind,
      String namespace,
      String name,
      String propagationPolicy,
      String uid,
      Long gracePeriodSeconds);

  /** Evicts a pod through {@code pods/eviction}, as drain and the node lifecycle controller do. */
  void evict(String namespace, String name);

  /** Binds a pod to a node through {@code pods/binding}, as the scheduler does. */
  void bind(String namespace, String name, String uid, String nodeName);

  /**
   * Replaces a namespace's {@code spec.finalizers} through {@code namespaces/{name}/finalize}, as
   * the namespace controller does once the namespace is empty; the namespace is removed when it is
   * being deleted and none is left. The default is a plain update (enough for in-memory fakes).
   */
  default Namespace finalizeNamespace(Namespace namespace) {
    return update(namespace);
  }
}
