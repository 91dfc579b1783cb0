package io.pilothouse.store;

/** One past revision of an object kept in the object history (newest first in listings). */
public record ObjectRevision(ObjectKey key, long revision, EventType type, String body) {}
