package io.pilothouse.store;

/** The kind of change an event-log row records, named as Kubernetes watch events are. */
public enum EventType {
  ADDED,
  MODIFIED,
  DELETED
}
