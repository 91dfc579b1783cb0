package io.pilothouse.watch;

import jakarta.ejb.ApplicationException;

/**
 * A watch asked for events older than the store keeps: the client must relist (410 Gone, reason
 * {@code Expired}). Passes out of EJBs unwrapped.
 */
@ApplicationException
public class WatchExpiredException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public WatchExpiredException(String message) {
    super(message);
  }
}
