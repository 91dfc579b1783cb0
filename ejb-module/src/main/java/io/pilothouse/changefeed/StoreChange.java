package io.pilothouse.changefeed;

import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoreEvent;

/**
 * A committed write to the store, named by key and revision only: consumers reload current state
 * rather than trusting a copy (the level-triggered rule). Fired as a CDI event inside the writing
 * transaction; observers that act on it do so after commit.
 */
public record StoreChange(
    String group, String resource, String namespace, String name, long revision, ChangeType type) {

  /** The change an event-log event records. */
  public static StoreChange of(StoreEvent event) {
    ObjectKey key = event.key();
    return new StoreChange(
        key.group(),
        key.resource(),
        key.namespace(),
        key.name(),
        event.revision(),
        ChangeType.valueOf(event.type().name()));
  }
}
