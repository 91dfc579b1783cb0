package io.pilothouse.store;

/**
 * The requested revision is older than the compacted revision, so the events or the consistent list
 * it needs are gone (410 Gone, reason {@code Expired}; the client relists).
 */
public class RevisionCompactedException extends StoreException {

  private final long requestedRevision;
  private final long compactedRevision;

  public RevisionCompactedException(String message, long requested, long compacted) {
    super(message);
    this.requestedRevision = requested;
    this.compactedRevision = compacted;
  }

  /** For a watch: upstream's "too old resource version" message. */
  public static RevisionCompactedException tooOld(long requested, long compacted) {
    return new RevisionCompactedException(
        "too old resource version: " + requested + " (" + compacted + ")", requested, compacted);
  }

  public long requestedRevision() {
    return requestedRevision;
  }

  public long compactedRevision() {
    return compactedRevision;
  }
}
