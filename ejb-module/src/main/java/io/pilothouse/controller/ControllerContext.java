package io.pilothouse.controller;

import java.time.Clock;

/**
 * What a {@link Controller#sync} works with: the object client, an event recorder and a clock, all
 * replaceable by fakes in unit tests.
 */
public record ControllerContext(ObjectClient client, EventRecorder events, Clock clock) {}
