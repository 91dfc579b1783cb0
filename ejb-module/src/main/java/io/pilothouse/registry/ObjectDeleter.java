package io.pilothouse.registry;

import io.pilothouse.api.StatusException;
import io.pilothouse.changefeed.ChangeType;
import io.pilothouse.store.ConflictException;
import io.pilothouse.store.NotFoundException;
import io.pilothouse.store.StoredObject;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's delete path, as upstream's {@code Store.Delete}: preconditions, the propagation
 * policy turned into finalizers for the garbage collector, graceful deletion of bound pods (the
 * object stays, with a deletionTimestamp, until the kubelet confirms), and the final removal.
 */
final class ObjectDeleter {

  private static final long DEFAULT_POD_GRACE_SECONDS = 30;

  private final RegistryContext ctx;

  ObjectDeleter(RegistryContext ctx) {
    this.ctx = ctx;
  }

  DeleteResult delete(ResourceType type, String namespace, String name, DeleteOptions options) {
    ObjectNode old = new ObjectReader(ctx).get(type, namespace, name);
    checkPreconditions(type, name, old, options);
    long grace = gracePeriod(type, old, options);
    ObjectNode object = old.deepCopy();
    String policy = propagationPolicy(type, options);
    if (DeleteOptions.ORPHAN.equals(policy)) {
      Finalizers.add(object, Finalizers.ORPHAN);
    } else if (DeleteOptions.FOREGROUND.equals(policy)) {
      Finalizers.add(object, Finalizers.FOREGROUND_DELETION);
    }
    boolean alreadyDeleting = ObjectNodes.text(old, "metadata.deletionTimestamp") != null;
    if (!alreadyDeleting || shortensGrace(old, grace)) {
      markDeleted(object, grace);
      type.strategy().prepareForDelete(object);
    }
    try {
      return new ObjectUpdater(ctx).writeDeletion(type, old, object, options.dryRun());
    } catch (StatusException e) {
      // only a resourceVersion precondition pins the object; otherwise the registry retries
      throw RetryableConflict.of(e, options.preconditionResourceVersion() != null);
    }
  }

  /** Removes the object from the store now and announces it. */
  ObjectNode deleteNow(ResourceType type, ObjectNode object, long expectedRevision) {
    String name = ObjectNodes.name(object);
    try {
      StoredObject stored =
          ctx.store()
              .delete(
                  RegistryContext.key(type, ObjectNodes.namespace(object), name), expectedRevision);
      ctx.announce(stored, ChangeType.DELETED);
      return ObjectCodec.decode(stored);
    } catch (ConflictException e) {
      throw RegistryErrors.conflict(type, name);
    } catch (NotFoundException e) {
      throw RegistryErrors.notFound(type, name);
    }
  }

  private void markDeleted(ObjectNode object, long grace) {
    ObjectNode metadata = ObjectNodes.metadata(object);
    Instant at = ctx.now().plusSeconds(grace);
    metadata.put("deletionTimestamp", ObjectMetaWriter.timestamp(at));
    metadata.put("deletionGracePeriodSeconds", grace);
  }

  private static boolean shortensGrace(ObjectNode old, long grace) {
    long current = old.path("metadata").path("deletionGracePeriodSeconds").asLong(Long.MAX_VALUE);
    return grace < current;
  }

  /** Pods bound to a node terminate gracefully; everything else goes at once. */
  private static long gracePeriod(ResourceType type, ObjectNode pod, DeleteOptions options) {
    if (!type.group().isEmpty() || !type.resource().equals("pods")) {
      return 0;
    }
    String nodeName = ObjectNodes.text(pod, "spec.nodeName");
    String phase = ObjectNodes.text(pod, "status.phase");
    if (nodeName == null || "Succeeded".equals(phase) || "Failed".equals(phase)) {
      return 0;
    }
    if (options.gracePeriodSeconds() != null) {
      return Math.max(0, options.gracePeriodSeconds());
    }
    return pod.path("spec").path("terminationGracePeriodSeconds").asLong(DEFAULT_POD_GRACE_SECONDS);
  }

  /** Upstream's defaults: batch/v1 Jobs orphan their pods unless told otherwise. */
  private static String propagationPolicy(ResourceType type, DeleteOptions options) {
    if (options.propagationPolicy() != null) {
      return options.propagationPolicy();
    }
    return type.group().equals("batch") ? DeleteOptions.ORPHAN : DeleteOptions.BACKGROUND;
  }

  private static void checkPreconditions(
      ResourceType type, String name, ObjectNode old, DeleteOptions options) {
    String uid = ObjectNodes.text(old, "metadata.uid");
    if (options.preconditionUid() != null && !options.preconditionUid().equals(uid)) {
      throw RegistryErrors.preconditionFailed(
          type,
          name,
          "UID in precondition: " + options.preconditionUid() + ", UID in object meta: " + uid);
    }
    String revision = ObjectNodes.text(old, "metadata.resourceVersion");
    String expected = options.preconditionResourceVersion();
    if (expected != null && !expected.equals(revision)) {
      throw RegistryErrors.preconditionFailed(
          type,
          name,
          "ResourceVersion in precondition: "
              + expected
              + ", ResourceVersion in object meta: "
              + revision);
    }
  }
}
