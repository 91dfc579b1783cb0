package io.pilothouse.controller.util;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.pilothouse.api.StatusException;
import io.pilothouse.controller.ObjectClient;
import io.pilothouse.json.KubernetesJson;
import io.pilothouse.store.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Upstream's {@code ControllerRefManager}: of the candidate objects in the owner's namespace,
 * claims those it controls and its selector matches, adopts matching orphans (adding its controller
 * reference with a uid precondition), and releases the ones it controls that stopped matching
 * (removing its reference). An owner being deleted adopts nothing and releases nothing.
 */
public final class ControllerRefManager {

  private ControllerRefManager() {}

  /** The objects the owner controls after adoption and release. */
  public static <T extends HasMetadata> List<T> claim(
      ObjectClient client, HasMetadata owner, LabelSelector selector, List<T> candidates) {
    return claim(client, owner, selector, candidates, o -> true);
  }

  /** As {@link #claim}, adopting only orphans that also pass {@code adoptable}. */
  public static <T extends HasMetadata> List<T> claim(
      ObjectClient client,
      HasMetadata owner,
      LabelSelector selector,
      List<T> candidates,
      Predicate<T> adoptable) {
    String uid = owner.getMetadata().getUid();
    boolean ownerDeleting = owner.getMetadata().getDeletionTimestamp() != null;
    List<T> claimed = new ArrayList<>();
    for (T object : candidates) {
      boolean matches = selector != null && selector.matches(object.getMetadata().getLabels());
      OwnerReference controller = OwnerRefs.controllerOf(object).orElse(null);
      if (controller != null) {
        if (!uid.equals(controller.getUid())) {
          continue;
        }
        if (matches) {
          claimed.add(object);
        } else if (!ownerDeleting) {
          writeRefs(client, object, OwnerRefs.without(object, uid));
        }
      } else if (matches
          && !ownerDeleting
          && object.getMetadata().getDeletionTimestamp() == null
          && adoptable.test(object)) {
        List<OwnerReference> refs = new ArrayList<>(OwnerRefs.refs(object));
        refs.add(OwnerRefs.controllerRef(owner));
        T adopted = writeRefs(client, object, refs);
        if (adopted != null) {
          claimed.add(adopted);
        }
      }
    }
    return claimed;
  }

  /** Writes the owner references with a uid precondition; null if the object is gone. */
  @SuppressWarnings("unchecked")
  public static <T extends HasMetadata> T writeRefs(
      ObjectClient client, T object, List<OwnerReference> refs) {
    Map<String, Object> patch =
        Map.of("metadata", Map.of("uid", object.getMetadata().getUid(), "ownerReferences", refs));
    try {
      return (T)
          client.mergePatch(
              object.getClass(),
              object.getMetadata().getNamespace(),
              object.getMetadata().getName(),
              KubernetesJson.mapper().writeValueAsString(patch),
              false);
    } catch (StatusException e) {
      if (Conflicts.isNotFound(e)) {
        return null;
      }
      throw e;
    }
  }
}
