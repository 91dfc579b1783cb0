package io.pilothouse.store.jpa;

import io.pilothouse.store.ListQuery;
import io.pilothouse.store.ListResult;
import io.pilothouse.store.RevisionCompactedException;
import io.pilothouse.store.StoredObject;
import java.util.List;

/**
 * List: the objects of one resource matching the selectors, ordered by (namespace, name), one page
 * at a time. All filtering runs in SQL. Pages are keyset pages: the next page starts after the last
 * key returned, so each object is returned at most once, and every object that exists throughout
 * the paging is returned exactly once. There is no MVCC snapshot of objects: a later page shows
 * objects as they are when it is read, and the result carries the first page's revision so a watch
 * from it replays any change made meanwhile.
 */
final class ListVerb {

  static final String EXPIRED_CONTINUE =
      "The provided continue parameter is too old to display a consistent list result. You can"
          + " start a new list without the continue parameter.";

  private final StoreContext ctx;
  private final SelectorSql selectors;

  ListVerb(StoreContext ctx) {
    this.ctx = ctx;
    this.selectors = new SelectorSql(ctx.dialect());
  }

  ListResult list(ListQuery query) {
    ContinueToken start = null;
    long revision;
    if (query.continueToken() != null) {
      start = ContinueToken.decode(query.continueToken());
      long compacted = ctx.revisions().read(CounterRow.COMPACTED);
      if (start.revision() < compacted) {
        throw new RevisionCompactedException(EXPIRED_CONTINUE, start.revision(), compacted);
      }
      revision = start.revision();
    } else {
      // read before the rows: rows newer than the revision are harmless, older ones would be lost
      revision = ctx.revisions().read(CounterRow.REVISION);
    }
    ObjectSelect select = select(query);
    SqlQuery page = where(select.start("o.*"), query, start);
    page.append(select.keyOrder(false));
    if (query.limit() > 0) {
      page.append(" LIMIT ?", query.limit() + 1);
    }
    // read-only: a page of up to `limit` rows is never changed, so EclipseLink need not register
    // (clone and, at commit, compare) each of them in the transaction's unit of work
    @SuppressWarnings("unchecked")
    List<ObjectRow> rows =
        page.create(ctx.em(), ObjectRow.class)
            .setHint("eclipselink.read-only", "true")
            .getResultList();
    if (query.limit() == 0 || rows.size() <= query.limit()) {
      return new ListResult(toObjects(rows), revision, null, null);
    }
    List<StoredObject> items = toObjects(rows.subList(0, query.limit()));
    StoredObject last = items.get(items.size() - 1);
    ContinueToken next = new ContinueToken(revision, last.key().namespace(), last.key().name());
    return new ListResult(items, revision, next.encode(), countAfter(query, next));
  }

  private long countAfter(ListQuery query, ContinueToken after) {
    SqlQuery count = where(select(query).start("COUNT(*)"), query, after);
    return ((Number) count.create(ctx.em(), null).getSingleResult()).longValue();
  }

  private static ObjectSelect select(ListQuery query) {
    return ObjectSelect.of(
        query.group(), query.resource(), query.fieldSelector(), null, query.ownerUid());
  }

  private SqlQuery where(SqlQuery q, ListQuery query, ContinueToken after) {
    if (query.namespace() != null) {
      q.append(" AND o.obj_namespace = ?", query.namespace());
    }
    if (after != null) {
      if (query.namespace() != null) {
        q.append(" AND o.obj_name > ?", after.name());
      } else {
        // a row value, which H2 and PostgreSQL compare in index order (an OR of the two cases
        // made H2 test every row before the key)
        q.append(" AND (o.obj_namespace, o.obj_name) > (?, ?)", after.namespace(), after.name());
      }
    }
    selectors.labels(q, query.labelSelector());
    selectors.fields(q, query.fieldSelector());
    SelectorSql.owner(q, query.ownerUid());
    return q;
  }

  private static List<StoredObject> toObjects(List<ObjectRow> rows) {
    return rows.stream().map(ObjectRow::toStoredObject).toList();
  }
}
