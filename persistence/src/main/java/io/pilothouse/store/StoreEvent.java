package io.pilothouse.store;

/**
 * One row of the event log: the change a write made at {@code revision}. It carries the object body
 * after the write ({@code body}; for {@link EventType#DELETED} the last body), the body before it
 * ({@code prevBody}; {@code null} for {@link EventType#ADDED}) and the indexed fields of both, so a
 * watch with selectors can tell an object entering its selection from one leaving it.
 */
public record StoreEvent(
    long revision,
    EventType type,
    ObjectKey key,
    String uid,
    String body,
    String prevBody,
    IndexedFields fields,
    IndexedFields prevFields) {

  /** This event with another type and body; the watch filter uses it for enter/leave events. */
  public StoreEvent as(EventType newType, String newBody, IndexedFields newFields) {
    return new StoreEvent(revision, newType, key, uid, newBody, prevBody, newFields, prevFields);
  }
}
