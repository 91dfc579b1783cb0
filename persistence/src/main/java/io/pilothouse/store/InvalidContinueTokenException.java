package io.pilothouse.store;

/** A list's continue token is not one this store issued (400 {@code BadRequest}). */
public class InvalidContinueTokenException extends StoreException {

  public InvalidContinueTokenException(String detail) {
    super("continue key is not valid: " + detail);
  }
}
