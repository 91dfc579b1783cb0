package io.pilothouse.store.jpa;

import io.pilothouse.store.EventType;
import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.NotFoundException;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoredObject;

/**
 * Update: a new body at the next revision, if the caller's expected revision still holds. Index
 * rows are rewritten only when the indexed fields changed (status updates usually leave them), and
 * before the managed row changes, so the plain SQL never flushes a half-done write.
 */
final class UpdateVerb {

  private final StoreContext ctx;

  UpdateVerb(StoreContext ctx) {
    this.ctx = ctx;
  }

  StoredObject update(ObjectKey key, long expectedModRevision, String body, IndexedFields fields) {
    ctx.rows().failIfNewerThan(key, expectedModRevision);
    Revisions.LockedCounter counter = ctx.revisions().lockRevision();
    ObjectRow row = ctx.rows().findForUpdate(key).orElseThrow(() -> new NotFoundException(key));
    JpaObjectStore.checkRevision(key, expectedModRevision, row.modRevision());
    long revision = ctx.revisions().next(counter);
    IndexedFields indexed = fields == null ? IndexedFields.EMPTY : fields;
    String encoded = IndexedFieldsCodec.encode(indexed);
    String prevBody = row.body();
    String prevEncoded = row.indexed();
    ctx.indexRows().rewrite(row, indexed, encoded);
    row.write(body, encoded, revision);
    ctx.eventLog()
        .append(
            revision,
            EventType.MODIFIED,
            key,
            row.uid(),
            new EventRow.Bodies(body, prevBody, encoded, prevEncoded));
    ctx.flush(key);
    ctx.history().trim(key);
    return row.toStoredObject();
  }
}
