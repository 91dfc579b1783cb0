package io.pilothouse.controller.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Upstream's {@code slowStartBatch} (ReplicaSet and Job controllers): makes {@code count} calls in
 * batches of 1, 2, 4, 8, ... whose calls run concurrently, and stops after the first batch in which
 * a call failed. A controller creating 500 pods so waits for about nine round trips instead of 500,
 * while a template the API refuses costs one failed call, not 500.
 */
public final class SlowStartBatch {

  /** The calls that succeeded, in no particular order, and the first failure if any. */
  public record Outcome<T>(List<T> results, RuntimeException failure) {}

  private SlowStartBatch() {}

  public static <T> Outcome<T> run(int count, Executor executor, Supplier<T> call) {
    List<T> results = new ArrayList<>(count);
    int remaining = count;
    for (int batch = 1; remaining > 0; batch = Math.min(2 * batch, remaining)) {
      int size = Math.min(batch, remaining);
      List<CompletableFuture<T>> calls = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        calls.add(CompletableFuture.supplyAsync(call, executor));
      }
      RuntimeException failure = null;
      for (CompletableFuture<T> pending : calls) {
        try {
          results.add(pending.join());
        } catch (CompletionException e) {
          if (failure == null) {
            failure =
                e.getCause() instanceof RuntimeException cause
                    ? cause
                    : new IllegalStateException(e.getCause());
          }
        }
      }
      if (failure != null) {
        return new Outcome<>(results, failure);
      }
      remaining -= size;
    }
    return new Outcome<>(results, null);
  }
}
