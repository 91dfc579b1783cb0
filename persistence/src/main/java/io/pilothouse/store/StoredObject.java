package io.pilothouse.store;

/**
 * One object as the store holds it: its key, uid, opaque JSON body, the revision that created it
 * and the revision of its last write. The caller sets {@code metadata.resourceVersion} to {@link
 * #modRevision()} when it hands the body out; the store never parses the body.
 */
public record StoredObject(
    ObjectKey key, String uid, String body, long createRevision, long modRevision) {}
