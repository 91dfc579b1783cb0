package io.pilothouse.scheduler.framework;

import io.pilothouse.scheduler.spi.Binder;
import java.time.InstantSource;

/**
 * What the framework offers its plugins besides the pod: the snapshot of the current cycle, the
 * clock, and the binder. Given to each plugin's factory when the framework is built.
 */
public interface Handle {

  /** The snapshot the current scheduling cycle runs against. */
  SharedLister snapshot();

  InstantSource clock();

  Binder binder();
}
