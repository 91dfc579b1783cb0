package io.pilothouse.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Closed-loop clients: {@code clients} threads that each run the same loop (send, wait for the
 * answer, send the next) from one common start, until each loop returns. The loop decides when to
 * stop: after a count shared through an atomic counter, or at a deadline.
 */
final class ClosedLoop {

  private ClosedLoop() {}

  /** Runs {@code loop} on {@code clients} threads at once; returns the nanoseconds they took. */
  static long run(int clients, Callable<Void> loop) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    Future<?>[] workers = new Future<?>[clients];
    for (int c = 0; c < clients; c++) {
      workers[c] =
          pool.submit(
              () -> {
                go.await();
                return loop.call();
              });
    }
    long start = System.nanoTime();
    go.countDown();
    try {
      for (Future<?> worker : workers) {
        worker.get();
      }
      return System.nanoTime() - start;
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
