package io.pilothouse.store.watch;

import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.ObjectKey;

/**
 * One object as the {@link ObjectCache} holds it: the stored body (without resourceVersion, as the
 * store keeps it), the indexed fields selectors match against and the revision of its last write.
 */
public record CachedObject(
    ObjectKey key, String uid, String body, IndexedFields fields, long modRevision) {

  public CachedObject {
    fields = fields == null ? IndexedFields.EMPTY : fields;
  }
}
