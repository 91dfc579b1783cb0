package io.pilothouse.controller;

import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * What a {@link Controller#sync} works with: the object client, an event recorder, a clock, an
 * executor for calls a sync makes concurrently (upstream's slow-start batches), and listers (reads
 * from the informer cache, which may lag the store by a feed: upstream's listers), all replaceable
 * by fakes in unit tests. A sync that acts on what it read from the listers must re-read from the
 * client first.
 */
public record ControllerContext(
    ObjectClient client,
    EventRecorder events,
    Clock clock,
    Executor executor,
    ObjectClient listers) {

  /** Reads from the listers go to the client. */
  public ControllerContext(
      ObjectClient client, EventRecorder events, Clock clock, Executor executor) {
    this(client, events, clock, executor, client);
  }

  /** A context whose concurrent calls run one after the other on the calling thread. */
  public ControllerContext(ObjectClient client, EventRecorder events, Clock clock) {
    this(client, events, clock, Runnable::run);
  }
}
