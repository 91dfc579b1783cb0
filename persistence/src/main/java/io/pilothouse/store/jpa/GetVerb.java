package io.pilothouse.store.jpa;

import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoredObject;
import java.util.Optional;

/** Get: the current state of one key. */
final class GetVerb {

  private final StoreContext ctx;

  GetVerb(StoreContext ctx) {
    this.ctx = ctx;
  }

  Optional<StoredObject> get(ObjectKey key) {
    return ctx.rows().find(key).map(ObjectRow::toStoredObject);
  }
}
