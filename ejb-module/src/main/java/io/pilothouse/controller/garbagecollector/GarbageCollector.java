package io.pilothouse.controller.garbagecollector;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.pilothouse.changefeed.ChangeType;
import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.controller.Controller;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.ObjectClient;
import io.pilothouse.controller.SyncResult;
import io.pilothouse.controller.util.OwnerRefs;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Upstream's garbage collector, level-based: the registry's delete turns a propagation policy into
 * a finalizer ({@code orphan}, {@code foregroundDeletion}) or, for Background, removes the owner at
 * once; this controller then finishes the job. For an object being deleted with {@code orphan} it
 * strips the references to it from its dependents; with {@code foregroundDeletion} it deletes them
 * and lets go of the owner once no dependent with {@code blockOwnerDeletion} is left. For any other
 * object it checks its owners and deletes it when none of them exists any more (Foreground if one
 * of them is itself waiting in foreground deletion). Since it reads owners and dependents from the
 * store, a resync after a restart finds every dependent left behind.
 */
@ApplicationScoped
public class GarbageCollector implements Controller {

  public static final String NAME = "garbage-collector-controller";

  static final String ORPHAN = "orphan";
  static final String FOREGROUND = "foregroundDeletion";

  /** Asked for every change the controller manager dispatches, so computed once. */
  private static final Set<String> WATCHED =
      GcKinds.NAMESPACED.stream()
          .map(HasMetadata::getPlural)
          .collect(Collectors.toUnmodifiableSet());

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> watchedResources() {
    return WATCHED;
  }

  @Override
  public Collection<ControllerKey> keysFor(StoreChange change, ObjectClient client) {
    Optional<Class<? extends HasMetadata>> kind =
        GcKinds.byResource(change.group(), change.resource());
    if (kind.isEmpty()) {
      return List.of();
    }
    if (change.type() == ChangeType.DELETED) {
      if (kind.get().equals(io.fabric8.kubernetes.api.model.Pod.class)) {
        return List.of();
      }
      return Dependents.referringTo(
              client, change.namespace(), HasMetadata.getKind(kind.get()), change.name())
          .stream()
          .map(GcKinds::key)
          .toList();
    }
    return client
        .get(kind.get(), change.namespace(), change.name())
        .filter(o -> interesting(o, change.type() == ChangeType.ADDED))
        .map(GcKinds::key)
        .stream()
        .toList();
  }

  /** New objects with owners, and objects being deleted that hold a GC finalizer or have owners. */
  private static boolean interesting(HasMetadata object, boolean added) {
    boolean owned = !OwnerRefs.refs(object).isEmpty();
    boolean deleting = object.getMetadata().getDeletionTimestamp() != null;
    return (added && owned) || (deleting && (owned || holdsGcFinalizer(object)));
  }

  @Override
  public Collection<ControllerKey> allKeys(ObjectClient client) {
    List<ControllerKey> keys = new ArrayList<>();
    for (Class<? extends HasMetadata> kind : GcKinds.NAMESPACED) {
      for (HasMetadata object : client.list(kind, null, null, null)) {
        if (!OwnerRefs.refs(object).isEmpty() || holdsGcFinalizer(object)) {
          keys.add(GcKinds.key(object));
        }
      }
    }
    return keys;
  }

  @Override
  public SyncResult sync(ControllerKey key, ControllerContext context) {
    GcKinds.Target target = GcKinds.parse(key).orElse(null);
    if (target == null || settled(context.listers(), key, target)) {
      return SyncResult.DONE;
    }
    HasMetadata object =
        context.client().get(target.kind(), key.namespace(), target.name()).orElse(null);
    if (object == null) {
      return SyncResult.DONE;
    }
    if (object.getMetadata().getDeletionTimestamp() != null) {
      List<String> finalizers = finalizers(object);
      if (finalizers.contains(ORPHAN)) {
        return DeletionFinisher.orphanDependents(context, object);
      }
      if (finalizers.contains(FOREGROUND)) {
        return DeletionFinisher.deleteDependents(context, object);
      }
    }
    return OwnerCheck.collectIfOrphaned(context, object);
  }

  /**
   * Whether the listers show nothing to do: the object is not being deleted and every owner it
   * names lives, with the same uid, and is not being deleted in the foreground. Decided without a
   * store read, as upstream decides from its graph; should the listers lag, the change they have
   * not applied yet requeues the key once they have (so the resync of every owned object costs no
   * database reads).
   */
  private static boolean settled(ObjectClient listers, ControllerKey key, GcKinds.Target target) {
    HasMetadata object = listers.get(target.kind(), key.namespace(), target.name()).orElse(null);
    if (object == null || object.getMetadata().getDeletionTimestamp() != null) {
      return false;
    }
    for (OwnerReference ref : OwnerRefs.refs(object)) {
      Optional<Class<? extends HasMetadata>> kind = GcKinds.of(ref);
      if (kind.isEmpty()) {
        continue;
      }
      String namespace = GcKinds.clusterScoped(kind.get()) ? null : key.namespace();
      HasMetadata owner = listers.get(kind.get(), namespace, ref.getName()).orElse(null);
      if (OwnerCheck.standing(ref, owner) != OwnerCheck.Standing.SOLID) {
        return false;
      }
    }
    return true;
  }

  static List<String> finalizers(HasMetadata object) {
    List<String> f = object.getMetadata().getFinalizers();
    return f == null ? List.of() : f;
  }

  private static boolean holdsGcFinalizer(HasMetadata object) {
    List<String> f = finalizers(object);
    return object.getMetadata().getDeletionTimestamp() != null
        && (f.contains(ORPHAN) || f.contains(FOREGROUND));
  }
}
