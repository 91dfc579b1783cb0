package io.pilothouse.store;

/**
 * A label or field selector could not be parsed; the message follows upstream's wording and is fit
 * for a 400 {@code BadRequest} Status.
 */
public class InvalidSelectorException extends StoreException {

  public InvalidSelectorException(String message) {
    super(message);
  }
}
