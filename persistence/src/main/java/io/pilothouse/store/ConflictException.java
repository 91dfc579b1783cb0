package io.pilothouse.store;

/**
 * A conditional write carried a revision other than the stored one, or lost a race for the row
 * (409, reason {@code Conflict}; the client re-reads and retries).
 */
public class ConflictException extends StoreException {

  private final transient ObjectKey key;

  public ConflictException(ObjectKey key, String message) {
    super(message);
    this.key = key;
  }

  public ConflictException(ObjectKey key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  public ObjectKey key() {
    return key;
  }
}
