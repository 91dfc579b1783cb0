package io.pilothouse.store;

import java.time.Instant;

/**
 * One past revision of an object kept in the object history (newest first in listings), with the
 * time it was written ({@code null} for rows written before the store recorded times).
 */
public record ObjectRevision(
    ObjectKey key, long revision, EventType type, String body, Instant writtenAt) {}
