package io.pilothouse.store.jpa;

import io.pilothouse.store.EventType;
import io.pilothouse.store.NotFoundException;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoredObject;

/**
 * Delete: removes a key at the next revision. The DELETED event carries the last body as both its
 * body and its previous body, so a watch filter can judge it by the state the object left in.
 */
final class DeleteVerb {

  private final StoreContext ctx;

  DeleteVerb(StoreContext ctx) {
    this.ctx = ctx;
  }

  StoredObject delete(ObjectKey key, long expectedModRevision) {
    ctx.rows().failIfNewerThan(key, expectedModRevision);
    Revisions.LockedCounter counter = ctx.revisions().lockRevision();
    ObjectRow row = ctx.rows().findForUpdate(key).orElseThrow(() -> new NotFoundException(key));
    JpaObjectStore.checkRevision(key, expectedModRevision, row.modRevision());
    long revision = ctx.revisions().next(counter);
    String body = row.body();
    String encoded = row.indexed();
    ctx.indexRows().deleteOf(row);
    ctx.em().remove(row);
    ctx.eventLog()
        .append(
            revision,
            EventType.DELETED,
            key,
            row.uid(),
            new EventRow.Bodies(body, body, encoded, encoded));
    ctx.flush(key);
    ctx.history().trimAfterDelete(key);
    return new StoredObject(key, row.uid(), body, row.createRevision(), revision);
  }
}
