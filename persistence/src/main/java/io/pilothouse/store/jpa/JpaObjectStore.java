package io.pilothouse.store.jpa;

import io.pilothouse.store.ConflictException;
import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.ListQuery;
import io.pilothouse.store.ListResult;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.ObjectRevision;
import io.pilothouse.store.ObjectStore;
import io.pilothouse.store.PageQuery;
import io.pilothouse.store.PageResult;
import io.pilothouse.store.StoreEvent;
import io.pilothouse.store.StoredObject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * The {@link ObjectStore} on JPA and SQL, standing where etcd stands: one class per verb (create,
 * get, update, delete, list, events, compact) behind this facade. It takes the caller's {@link
 * EntityManager} (JTA-managed in the container, RESOURCE_LOCAL in tests) and runs in the caller's
 * transaction; it begins and commits none. Needs READ COMMITTED isolation (the default of H2 and
 * PostgreSQL) so a write that waited for the revision lock then reads the latest rows.
 */
public final class JpaObjectStore implements ObjectStore {

  private final StoreContext ctx;
  private final CreateVerb createVerb;
  private final GetVerb getVerb;
  private final UpdateVerb updateVerb;
  private final DeleteVerb deleteVerb;
  private final ListVerb listVerb;
  private final EventsVerb eventsVerb;
  private final CompactVerb compactVerb;
  private final PageVerb pageVerb;

  public JpaObjectStore(
      EntityManager em, SqlDialect dialect, StoreConfig config, WriteGate gate, EventSink sink) {
    this.ctx = StoreContext.create(em, dialect, config, gate, sink);
    this.createVerb = new CreateVerb(ctx);
    this.getVerb = new GetVerb(ctx);
    this.updateVerb = new UpdateVerb(ctx);
    this.deleteVerb = new DeleteVerb(ctx);
    this.listVerb = new ListVerb(ctx);
    this.eventsVerb = new EventsVerb(ctx);
    this.compactVerb = new CompactVerb(ctx);
    this.pageVerb = new PageVerb(ctx);
  }

  /** Without an {@link EventSink}. */
  public JpaObjectStore(EntityManager em, SqlDialect dialect, StoreConfig config, WriteGate gate) {
    this(em, dialect, config, gate, EventSink.NONE);
  }

  /** Without a {@link WriteGate}. */
  public JpaObjectStore(EntityManager em, SqlDialect dialect, StoreConfig config) {
    this(em, dialect, config, WriteGate.NONE);
  }

  /** H2 with the default history settings. */
  public JpaObjectStore(EntityManager em) {
    this(em, SqlDialect.H2, StoreConfig.DEFAULT);
  }

  /**
   * Creates the counter rows if this is a fresh database, applies the dialect's startup settings,
   * converts columns left by earlier versions (bodies stored as CLOBs) to today's types, drops the
   * indexes they had that writes no longer need ({@link IndexRows#RETIRED_INDEXES}), and raises the
   * revision counter to the newest written revision if it lags behind (returns by how much, 0
   * normally). Call once at startup in a transaction of its own; without it the first write creates
   * the counters, which two concurrent first writers may race.
   */
  public long initialize() {
    for (String statement : ctx.dialect().startupStatements()) {
      ctx.em().createNativeQuery(statement).executeUpdate();
    }
    upgradeColumns();
    for (String index : IndexRows.RETIRED_INDEXES) {
      ctx.em().createNativeQuery("DROP INDEX IF EXISTS " + index).executeUpdate();
    }
    Revisions.LockedCounter revision = ctx.revisions().lockRevision();
    ctx.revisions().lock(CounterRow.COMPACTED);
    long before = revision.value();
    long raised = ctx.revisions().raiseToWrittenRevisions(revision);
    return raised == 0 ? 0 : raised - before;
  }

  @SuppressWarnings("unchecked")
  private void upgradeColumns() {
    String query = ctx.dialect().columnsQuery();
    if (query == null) {
      return;
    }
    List<Object[]> columns = ctx.em().createNativeQuery(query).getResultList();
    for (String statement : ctx.dialect().upgradeStatements(columns)) {
      ctx.em().createNativeQuery(statement).executeUpdate();
    }
  }

  @Override
  public StoredObject create(ObjectKey key, String uid, String body, IndexedFields fields) {
    return createVerb.create(key, uid, body, fields, true);
  }

  @Override
  public StoredObject createUnchecked(
      ObjectKey key, String uid, String body, IndexedFields fields) {
    return createVerb.create(key, uid, body, fields, false);
  }

  @Override
  public void lockWrites() {
    ctx.revisions().lockRevision();
  }

  @Override
  public Optional<StoredObject> get(ObjectKey key) {
    return getVerb.get(key);
  }

  @Override
  public StoredObject update(
      ObjectKey key, long expectedModRevision, String body, IndexedFields fields) {
    return updateVerb.update(key, expectedModRevision, body, fields);
  }

  @Override
  public StoredObject delete(ObjectKey key, long expectedModRevision) {
    return deleteVerb.delete(key, expectedModRevision);
  }

  @Override
  public ListResult list(ListQuery query) {
    return listVerb.list(query);
  }

  @Override
  public PageResult page(PageQuery query) {
    return pageVerb.page(query);
  }

  @Override
  public long currentRevision() {
    return ctx.revisions().read(CounterRow.REVISION);
  }

  @Override
  public long compactedRevision() {
    return ctx.revisions().read(CounterRow.COMPACTED);
  }

  @Override
  public List<StoreEvent> eventsAfter(long revision, int max) {
    return eventsVerb.eventsAfter(revision, max);
  }

  @Override
  public long compact(long keepRevisions) {
    return compactVerb.compact(keepRevisions);
  }

  @Override
  public List<ObjectRevision> history(ObjectKey key, int max) {
    return ctx.history().read(key, max);
  }

  /** Throws {@link ConflictException} unless {@code expected} is 0 or the stored revision. */
  static void checkRevision(ObjectKey key, long expected, long stored) {
    if (expected != 0 && expected != stored) {
      throw conflict(key, null);
    }
  }

  /** Upstream's wording for a lost optimistic-concurrency race. */
  static ConflictException conflict(ObjectKey key, Throwable cause) {
    String message =
        "Operation cannot be fulfilled on "
            + key.groupResource()
            + " \""
            + key.name()
            + "\": the object has been modified; please apply your changes to the latest version"
            + " and try again";
    return new ConflictException(key, message, cause);
  }
}
