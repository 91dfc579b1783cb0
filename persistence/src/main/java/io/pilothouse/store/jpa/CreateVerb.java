package io.pilothouse.store.jpa;

import io.pilothouse.store.AlreadyExistsException;
import io.pilothouse.store.EventType;
import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoredObject;
import jakarta.persistence.PersistenceException;

/** Create: a new key at the next revision, with its index rows, event and history row. */
final class CreateVerb {

  private final StoreContext ctx;

  CreateVerb(StoreContext ctx) {
    this.ctx = ctx;
  }

  StoredObject create(ObjectKey key, String uid, String body, IndexedFields fields) {
    CounterRow counter = ctx.revisions().lock(CounterRow.REVISION);
    if (ctx.rows().findForUpdate(key).isPresent()) {
      throw new AlreadyExistsException(key);
    }
    long revision = ctx.revisions().next(counter);
    IndexedFields indexed = fields == null ? IndexedFields.EMPTY : fields;
    String encoded = IndexedFieldsCodec.encode(indexed);
    ctx.indexRows().insert(revision, indexed);
    ObjectRow row = new ObjectRow(key, uid, body, encoded, revision);
    ctx.em().persist(row);
    ctx.eventLog()
        .append(
            revision, EventType.ADDED, key, uid, new EventRow.Bodies(body, null, encoded, null));
    try {
      ctx.flush(key);
    } catch (PersistenceException e) {
      // a concurrent create of the same key committed while this one was under way
      if (StoreContext.isUniqueViolation(e)) {
        throw new AlreadyExistsException(key);
      }
      throw e;
    }
    ctx.history().trim(key);
    return row.toStoredObject();
  }
}
