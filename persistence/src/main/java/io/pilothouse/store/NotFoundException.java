package io.pilothouse.store;

/** An update or delete named a key that is not stored (404, reason {@code NotFound}). */
public class NotFoundException extends StoreException {

  private final transient ObjectKey key;

  public NotFoundException(ObjectKey key) {
    super("object not found: " + key);
    this.key = key;
  }

  public ObjectKey key() {
    return key;
  }
}
