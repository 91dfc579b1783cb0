package io.pilothouse.store.jpa;

import io.pilothouse.store.AlreadyExistsException;
import io.pilothouse.store.EventType;
import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoredObject;
import jakarta.persistence.PersistenceException;

/**
 * Create: a new key at the next revision, with its index rows, event and history row. A taken key
 * is refused before anything is written (so a failed create in a transaction that goes on to commit
 * takes no revision); the unique key index catches what that check could miss, and is the only
 * check of an unchecked create (one of a batch that rolls back as a whole when it fails). The
 * history needs no trim, since a deletion leaves room for the key's next ADDED row ({@link
 * History}).
 */
final class CreateVerb {

  private final StoreContext ctx;

  CreateVerb(StoreContext ctx) {
    this.ctx = ctx;
  }

  /**
   * @param checked whether to look the key up before writing; without, a taken key fails only at
   *     the flush, after the write began (for callers that then roll back)
   */
  StoredObject create(
      ObjectKey key, String uid, String body, IndexedFields fields, boolean checked) {
    Revisions.LockedCounter counter = ctx.revisions().lockRevision();
    if (checked && ctx.rows().existsForUpdate(key)) {
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
    return row.toStoredObject();
  }
}
