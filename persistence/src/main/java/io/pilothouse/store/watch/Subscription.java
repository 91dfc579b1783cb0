package io.pilothouse.store.watch;

/** A watch registered with the {@link WatchCache}; cancel it when the client goes away. */
public interface Subscription {

  /** Stops delivery; idempotent. */
  void cancel();

  /** False once cancelled, or once its listener threw. */
  boolean isActive();

  /**
   * The newest revision this subscription has dealt with: every event up to it was either handed to
   * the listener (which returned) or filtered out. A watch may announce it as a bookmark.
   */
  long revision();
}
