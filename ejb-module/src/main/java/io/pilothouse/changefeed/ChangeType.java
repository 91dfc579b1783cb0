package io.pilothouse.changefeed;

/** What a committed write did to an object, as in a watch event. */
public enum ChangeType {
  ADDED,
  MODIFIED,
  DELETED
}
