package io.pilothouse.watch;

import io.pilothouse.registry.ObjectCodec;
import io.pilothouse.store.StoreEvent;
import tools.jackson.databind.node.ObjectNode;

/**
 * One event of a watch stream ({@code ADDED}, {@code MODIFIED}, {@code DELETED}, {@code BOOKMARK},
 * {@code ERROR}). Events from the store are decoded lazily, on the watcher's own thread, so that
 * fanning one write out to many watchers costs no JSON parsing under the cache's lock.
 */
public final class WatchEvent {

  private final String type;
  private final long revision;
  private final StoreEvent stored;
  private ObjectNode object;

  private WatchEvent(String type, long revision, StoreEvent stored, ObjectNode object) {
    this.type = type;
    this.revision = revision;
    this.stored = stored;
    this.object = object;
  }

  /** An event of the store, as a watch filter shaped it. */
  public static WatchEvent of(StoreEvent event) {
    return new WatchEvent(event.type().name(), event.revision(), event, null);
  }

  /** An event with a ready object: a synthetic ADDED, a BOOKMARK or an ERROR Status. */
  public static WatchEvent of(String type, long revision, ObjectNode object) {
    return new WatchEvent(type, revision, null, object);
  }

  public String type() {
    return type;
  }

  /** The revision the event brings the watcher to. */
  public long revision() {
    return revision;
  }

  /** The object, with its resourceVersion. */
  public ObjectNode object() {
    if (object == null) {
      object = ObjectCodec.decode(stored.body(), stored.revision());
    }
    return object;
  }
}
