package io.pilothouse.controller.garbagecollector;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.pilothouse.controller.ObjectClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the objects that name an owner in their {@code ownerReferences}, across every tracked kind
 * of the owner's namespace (all namespaces for a cluster-scoped owner): upstream's dependency graph
 * read from the store on demand, so that nothing is lost across a restart.
 */
final class Dependents {

  /** A dependent and its reference to the owner. */
  record Dependent(HasMetadata object, OwnerReference ref) {
    boolean blocking() {
      return Boolean.TRUE.equals(ref.getBlockOwnerDeletion());
    }

    boolean deleting() {
      return object.getMetadata().getDeletionTimestamp() != null;
    }
  }

  private Dependents() {}

  static List<Dependent> of(ObjectClient client, HasMetadata owner) {
    String uid = owner.getMetadata().getUid();
    return matching(client, owner.getMetadata().getNamespace(), ref -> uid.equals(ref.getUid()));
  }

  /** Objects referring to an owner of this kind and name (for an owner already gone). */
  static List<HasMetadata> referringTo(
      ObjectClient client, String namespace, String kind, String name) {
    return matching(
            client, namespace, ref -> kind.equals(ref.getKind()) && name.equals(ref.getName()))
        .stream()
        .map(Dependent::object)
        .toList();
  }

  private static List<Dependent> matching(
      ObjectClient client, String namespace, Predicate<OwnerReference> refers) {
    List<Dependent> found = new ArrayList<>();
    for (Class<? extends HasMetadata> kind : GcKinds.NAMESPACED) {
      for (HasMetadata object : client.list(kind, namespace, null, null)) {
        refOf(object, refers).ifPresent(ref -> found.add(new Dependent(object, ref)));
      }
    }
    return found;
  }

  private static Optional<OwnerReference> refOf(
      HasMetadata object, Predicate<OwnerReference> refers) {
    List<OwnerReference> refs = object.getMetadata().getOwnerReferences();
    return refs == null ? Optional.empty() : refs.stream().filter(refers).findFirst();
  }
}
