package io.pilothouse.registry;

import io.pilothouse.api.StatusException;
import io.pilothouse.changefeed.DurableCommits;
import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.registry.patch.PatchType;
import io.pilothouse.store.StoredObject;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one write path of the control plane (upstream's generic registry): every create, update,
 * patch and delete — from kubectl, the dashboard, a controller, the scheduler or a node agent —
 * passes here, runs the kind's strategy, writes the store in one transaction and announces the
 * change after commit. Failures are {@link io.pilothouse.api.StatusException}s that roll back.
 */
@Stateless
public class ObjectRegistry {

  @PersistenceContext(unitName = "pilothouse")
  private EntityManager em;

  @Inject private ResourceTypes types;
  @Inject private StoreSettings settings;
  @Inject private ServiceNetwork serviceNetwork;
  @Inject private Informers informers;
  @Inject private Event<StoreChange> changes;
  @Inject private WriteBatcher batcher;
  @Inject private DurableCommits durableCommits;
  @Resource private SessionContext session;
  @Resource private TransactionSynchronizationRegistry transactions;

  /**
   * Upstream's GuaranteedUpdate retries a write that names no resourceVersion until it lands; this
   * bound only stops a pathological livelock, with a short jittered pause between attempts so that
   * contending writers spread out.
   */
  private static final int WRITE_ATTEMPTS = 100;

  private final Clock clock = Clock.systemUTC();

  private RegistryContext context() {
    return new RegistryContext(
        settings.store(em), types, changes::fire, clock.instant(), serviceNetwork, informers);
  }

  public ObjectNode get(ResourceType type, String namespace, String name) {
    return new ObjectReader(context()).get(type, namespace, name);
  }

  /** The object, or empty when there is none (no exception, so the caller's transaction lives). */
  public Optional<ObjectNode> find(ResourceType type, String namespace, String name) {
    return new ObjectReader(context()).find(type, namespace, name);
  }

  public ObjectList list(ResourceType type, String namespace, ListOptions options) {
    return new ObjectReader(context()).list(type, namespace, options);
  }

  /**
   * Creates an object: in the caller's transaction when there is one; otherwise prepared in the
   * calling thread and written in the next batch of the {@link WriteBatcher} (or, for what it does
   * not take, in a transaction of its own), answered once the write is durable.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ObjectNode create(
      ResourceType type, String namespace, ObjectNode body, WriteOptions options) {
    if (transactions.getTransactionKey() != null) {
      return new ObjectCreator(context()).create(type, namespace, body, options);
    }
    if (!batcher.takes(type, options)) {
      return session
          .getBusinessObject(ObjectRegistry.class)
          .createInTransaction(type, namespace, body, options);
    }
    PreparedCreate prepared = new ObjectCreator(context()).prepare(type, namespace, body, options);
    return ObjectCodec.decode((StoredObject) batched(prepared));
  }

  /** Runs a write in the write batcher's next batch; returns its answer once it is durable. */
  private Object batched(BatchedWrite write) {
    BatchedWrite.Written written = batcher.write(write);
    durableCommits.await(written.revision());
    return written.value();
  }

  /** {@link #create} in a transaction of its own. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ObjectNode createInTransaction(
      ResourceType type, String namespace, ObjectNode body, WriteOptions options) {
    return new ObjectCreator(context()).create(type, namespace, body, options);
  }

  /**
   * The writes of a batch, in one new transaction, in order ({@link WriteBatcher}'s committer calls
   * it). A write refused before it wrote anything is reported in its outcome and the others go on;
   * one that fails after it began writing (a create's taken key shows only when its row is written)
   * rolls the whole batch back ({@link WriteBatchRolledBack}, or the failure itself for a batch of
   * one), as does the write gate's 429.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<WriteOutcome> writeBatch(List<BatchedWrite> batch) {
    RegistryContext ctx = context();
    TransactionEventSink events = settings.eventSink();
    List<WriteOutcome> outcomes = new ArrayList<>(batch.size());
    for (BatchedWrite write : batch) {
      int appended = events.appendedInTransaction();
      try {
        outcomes.add(WriteOutcome.written(write.write(ctx)));
      } catch (StatusException refusal) {
        boolean wrote = events.appendedInTransaction() != appended;
        if (batch.size() == 1 || refusal.code() == 429) {
          throw refusal;
        }
        if (wrote || refusal.code() >= 500) {
          throw new WriteBatchRolledBack(refusal);
        }
        outcomes.add(WriteOutcome.refused(refusal));
      }
    }
    return outcomes;
  }

  public ObjectNode update(
      ResourceType type, String namespace, String name, ObjectNode body, WriteOptions options) {
    return new ObjectUpdater(context()).update(type, namespace, name, body, false, options);
  }

  public ObjectNode updateStatus(
      ResourceType type, String namespace, String name, ObjectNode body, WriteOptions options) {
    return new ObjectUpdater(context()).update(type, namespace, name, body, true, options);
  }

  /**
   * Applies a patch; a conflict on a patch that names no resourceVersion is retried (up to {@value
   * #PATCH_ATTEMPTS} times), each attempt in a transaction of its own so that it reads fresh data.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ObjectNode patch(
      ResourceType type,
      String namespace,
      String name,
      PatchType patchType,
      String patch,
      boolean status,
      WriteOptions options) {
    return patchWithWarnings(type, namespace, name, patchType, patch, status, options).object();
  }

  /** {@link #patch}, with the field validation warnings the API sends as headers. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Patched patchWithWarnings(
      ResourceType type,
      String namespace,
      String name,
      PatchType patchType,
      String patch,
      boolean status,
      WriteOptions options) {
    return retrying(
        self -> self.patchOnce(type, namespace, name, patchType, patch, status, options));
  }

  /**
   * Runs one attempt of a write in its own transaction (through the business interface, so that
   * {@code REQUIRES_NEW} applies) and runs it again while it ends in a {@link RetryableConflict}.
   */
  private <T> T retrying(Function<ObjectRegistry, T> attempt) {
    ObjectRegistry self = session.getBusinessObject(ObjectRegistry.class);
    for (int count = 1; ; count++) {
      try {
        return attempt.apply(self);
      } catch (RetryableConflict conflict) {
        if (count == WRITE_ATTEMPTS) {
          throw conflict;
        }
        pauseBeforeRetry(count);
      }
    }
  }

  private static void pauseBeforeRetry(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(1 + Math.min(attempt, 20)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StatusException(500, "InternalError", "interrupted while retrying a write");
    }
  }

  /** One attempt of {@link #patch}, in a new transaction. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Patched patchOnce(
      ResourceType type,
      String namespace,
      String name,
      PatchType patchType,
      String patch,
      boolean status,
      WriteOptions options) {
    return new ObjectPatcher(context())
        .patch(type, namespace, name, patchType, patch, status, options);
  }

  /**
   * Server-side apply of {@code config} by {@code options.fieldManager()}: creates the object or
   * merges into it ({@link ObjectApplier}), retried like a patch while the store write conflicts.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Applied apply(
      ResourceType type, String namespace, String name, ObjectNode config, WriteOptions options) {
    return retrying(self -> self.applyOnce(type, namespace, name, config, options));
  }

  /** One attempt of {@link #apply}, in a new transaction. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Applied applyOnce(
      ResourceType type, String namespace, String name, ObjectNode config, WriteOptions options) {
    return new ObjectApplier(context()).apply(type, namespace, name, config, options);
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public DeleteResult delete(
      ResourceType type, String namespace, String name, DeleteOptions options) {
    return retrying(self -> self.deleteOnce(type, namespace, name, options));
  }

  /** One attempt of {@link #delete} or {@link #evict}, in a new transaction. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public DeleteResult deleteOnce(
      ResourceType type, String namespace, String name, DeleteOptions options) {
    return new ObjectDeleter(context()).delete(type, namespace, name, options);
  }

  /**
   * {@code POST pods/{name}/binding}: assigns the pod to the Binding's target node; in the caller's
   * transaction when there is one, else in the write batcher's next batch (the scheduler binds from
   * many threads at once).
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ObjectNode bind(ResourceType pods, String namespace, String name, ObjectNode binding) {
    if (transactions.getTransactionKey() != null) {
      return new PodBinder(context()).bind(pods, namespace, name, binding);
    }
    if (!batcher.enabled()) {
      return session
          .getBusinessObject(ObjectRegistry.class)
          .bindInTransaction(pods, namespace, name, binding);
    }
    return (ObjectNode)
        batched(
            ctx -> {
              ObjectNode bound = new PodBinder(ctx).bind(pods, namespace, name, binding);
              return new BatchedWrite.Written(bound, ObjectUpdater.revisionOf(bound));
            });
  }

  /** {@link #bind} in a transaction of its own. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ObjectNode bindInTransaction(
      ResourceType pods, String namespace, String name, ObjectNode binding) {
    return new PodBinder(context()).bind(pods, namespace, name, binding);
  }

  /**
   * {@code POST pods/{name}/eviction}: deletes the pod as the Eviction's delete options say. No
   * PodDisruptionBudget is served, so no eviction is refused.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public DeleteResult evict(
      ResourceType pods, String namespace, String name, DeleteOptions options) {
    return retrying(self -> self.deleteOnce(pods, namespace, name, options));
  }

  /** {@code PUT namespaces/{name}/finalize}: replaces the namespace's {@code spec.finalizers}. */
  public ObjectNode finalizeNamespace(ResourceType namespaces, String name, ObjectNode body) {
    RegistryContext ctx = context();
    ObjectNode old = new ObjectReader(ctx).get(namespaces, null, name);
    ObjectNode updated = old.deepCopy();
    ObjectNode spec = ObjectNodes.objectAt(updated, "spec");
    spec.set("finalizers", body.path("spec").path("finalizers").deepCopy());
    if (spec.get("finalizers").isMissingNode() || spec.get("finalizers").isNull()) {
      spec.putArray("finalizers");
    }
    return new ObjectUpdater(ctx).writeRaw(namespaces, old, updated);
  }

  /** {@code GET .../scale}. */
  public ObjectNode getScale(ResourceType type, String namespace, String name) {
    return Scales.of(get(type, namespace, name));
  }

  /** {@code PUT .../scale}: sets the replicas, guarded by the Scale's resourceVersion. */
  public ObjectNode updateScale(
      ResourceType type, String namespace, String name, ObjectNode scale, WriteOptions options) {
    RegistryContext ctx = context();
    ObjectNode old = new ObjectReader(ctx).get(type, namespace, name);
    ObjectNode updated = Scales.apply(old, scale);
    long expected = ObjectUpdater.expectedRevision(updated);
    return Scales.of(
        new ObjectUpdater(ctx).write(type, old, updated, expected, false, options, false));
  }

  /** {@code PATCH .../scale}: the patch applies to the Scale view, then as an update. */
  public ObjectNode patchScale(
      ResourceType type,
      String namespace,
      String name,
      PatchType patchType,
      String patch,
      WriteOptions options) {
    RegistryContext ctx = context();
    ObjectNode old = new ObjectReader(ctx).get(type, namespace, name);
    ObjectNode scale =
        ObjectPatcher.applyTo(
            type, name, patchType, Scales.of(old), patch, PatchSchemaLookup.scale());
    ObjectNode updated = Scales.apply(old, scale);
    long expected = ObjectUpdater.expectedRevision(updated);
    return Scales.of(
        new ObjectUpdater(ctx).write(type, old, updated, expected, false, options, false));
  }

  /** Deletes every object a list selects; returns what was deleted or marked for deletion. */
  public ObjectList deleteCollection(
      ResourceType type, String namespace, ListOptions selection, DeleteOptions options) {
    RegistryContext ctx = context();
    ObjectList matching = new ObjectReader(ctx).list(type, namespace, selection);
    List<ObjectNode> deleted = new ArrayList<>();
    ObjectDeleter deleter = new ObjectDeleter(ctx);
    for (ObjectNode object : matching.items()) {
      String name = ObjectNodes.name(object);
      deleted.add(deleter.delete(type, ObjectNodes.namespace(object), name, options).object());
    }
    return new ObjectList(type, deleted, matching.resourceVersion(), null, null);
  }
}
