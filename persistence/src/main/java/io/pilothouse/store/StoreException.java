package io.pilothouse.store;

/**
 * Base of the store's failures. Each subclass stands for one Kubernetes {@code Status} reason the
 * API layer maps it to; a plain {@code StoreException} is an internal error (500).
 */
public class StoreException extends RuntimeException {

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
