package io.pilothouse.controller;

import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * What a {@link Controller#sync} works with: the object client, an event recorder, a clock, and an
 * executor for calls a sync makes concurrently (upstream's slow-start batches), all replaceable by
 * fakes in unit tests.
 */
public record ControllerContext(
    ObjectClient client, EventRecorder events, Clock clock, Executor executor) {

  /** A context whose concurrent calls run one after the other on the calling thread. */
  public ControllerContext(ObjectClient client, EventRecorder events, Clock clock) {
    this(client, events, clock, Runnable::run);
  }
}
