package io.pilothouse.store;

/** A create hit a key that is already stored (409, reason {@code AlreadyExists}). */
public class AlreadyExistsException extends StoreException {

  private final transient ObjectKey key;

  public AlreadyExistsException(ObjectKey key) {
    super("object already exists: " + key);
    this.key = key;
  }

  public ObjectKey key() {
    return key;
  }
}
