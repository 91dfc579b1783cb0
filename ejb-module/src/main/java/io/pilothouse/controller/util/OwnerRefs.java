package io.pilothouse.controller.util;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Owner references as the workload controllers use them: the controller reference a controller sets
 * on what it creates ({@code controller=true}, {@code blockOwnerDeletion=true}), finding an
 * object's controller, and the lists that adopting or releasing an object writes back.
 */
public final class OwnerRefs {

  private OwnerRefs() {}

  /** Upstream's {@code NewControllerRef}. */
  public static OwnerReference controllerRef(HasMetadata owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  /** The reference with {@code controller=true}, if any. */
  public static Optional<OwnerReference> controllerOf(HasMetadata object) {
    return refs(object).stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
  }

  /** Whether the object's controller is the owner with this uid. */
  public static boolean isControlledBy(HasMetadata object, String ownerUid) {
    return controllerOf(object).map(r -> ownerUid.equals(r.getUid())).orElse(false);
  }

  /** The object's references, never null. */
  public static List<OwnerReference> refs(HasMetadata object) {
    List<OwnerReference> refs = object.getMetadata().getOwnerReferences();
    return refs == null ? List.of() : refs;
  }

  /** The references without those to {@code ownerUid}. */
  public static List<OwnerReference> without(HasMetadata object, String ownerUid) {
    List<OwnerReference> kept = new ArrayList<>();
    for (OwnerReference r : refs(object)) {
      if (!ownerUid.equals(r.getUid())) {
        kept.add(r);
      }
    }
    return kept;
  }
}
