/**
 * What the control plane implements for the scheduler: writing the binding, recording events, and
 * updating the {@code PodScheduled} condition, each through the registry like any client.
 */
package io.pilothouse.scheduler.spi;
