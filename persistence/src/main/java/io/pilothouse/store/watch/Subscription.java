package io.pilothouse.store.watch;

/** A watch registered with the {@link WatchCache}; cancel it when the client goes away. */
public interface Subscription {

  /** Stops delivery; idempotent. */
  void cancel();

  /** False once cancelled, or once its listener threw. */
  boolean isActive();
}
