package io.pilothouse.controller.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SlowStartBatchTest {

  @Test
  void makesEveryCallWhenNoneFails() {
    AtomicInteger calls = new AtomicInteger();

    SlowStartBatch.Outcome<Integer> outcome =
        SlowStartBatch.run(10, Runnable::run, calls::incrementAndGet);

    assertThat(outcome.failure()).isNull();
    assertThat(outcome.results()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  }

  @Test
  void stopsAfterTheBatchInWhichACallFailed() {
    AtomicInteger calls = new AtomicInteger();

    // batches of 1, 2, 4: call 5 is in the third batch (calls 4..7), which still finishes
    SlowStartBatch.Outcome<Integer> outcome =
        SlowStartBatch.run(
            100,
            Runnable::run,
            () -> {
              int n = calls.incrementAndGet();
              if (n == 5) {
                throw new IllegalStateException("refused");
              }
              return n;
            });

    assertThat(calls).hasValue(7);
    assertThat(outcome.results()).containsExactlyInAnyOrder(1, 2, 3, 4, 6, 7);
    assertThat(outcome.failure()).isInstanceOf(IllegalStateException.class).hasMessage("refused");
  }

  @Test
  void theCallsOfOneBatchRunConcurrently() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      // the batch of 4 (calls 4..7) can only finish if its four calls wait for each other at once
      CountDownLatch together = new CountDownLatch(4);
      AtomicInteger calls = new AtomicInteger();

      SlowStartBatch.Outcome<Integer> outcome =
          SlowStartBatch.run(
              7,
              pool,
              () -> {
                int n = calls.incrementAndGet();
                if (n >= 4) {
                  together.countDown();
                  try {
                    if (!together.await(10, TimeUnit.SECONDS)) {
                      throw new IllegalStateException("calls of one batch ran one at a time");
                    }
                  } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                }
                return n;
              });

      assertThat(outcome.failure()).isNull();
      assertThat(outcome.results()).hasSize(7);
    } finally {
      pool.shutdownNow();
    }
  }
}
