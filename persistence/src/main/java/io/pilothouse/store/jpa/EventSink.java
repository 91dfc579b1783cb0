package io.pilothouse.store.jpa;

import io.pilothouse.store.StoreEvent;

/**
 * Hears each event a write appends to the event log, inside the writing transaction and before it
 * commits, exactly as a later read of the log would return it. The control plane hands the events
 * of committed transactions to its watch cache in memory this way instead of reading them back
 * (docs/architecture.md, "Watch cache"); the log stays the truth.
 */
public interface EventSink {

  /** Hears nothing: readers take every event from the log. */
  EventSink NONE = event -> {};

  /** Called once per appended event, in the writing transaction. */
  void appended(StoreEvent event);
}
