package io.pilothouse.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a condition in tests that run inside the server, where no polling library is. */
public final class Poll {

  private Poll() {}

  /** Waits until the condition holds; false if it did not within the timeout. */
  public static boolean until(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }
}
