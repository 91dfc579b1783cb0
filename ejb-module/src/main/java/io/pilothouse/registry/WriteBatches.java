package io.pilothouse.registry;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The queue and the committer loop of {@link WriteBatcher}, free of the container so that a unit
 * test can drive them: request threads {@link #submit} writes and wait; the committer thread
 * ({@link #run}) takes whatever is queued, up to {@code max}, hands it to the {@link Writer} as one
 * batch and answers each write from its outcome. A batch the writer rolled back as a whole is
 * written again one write at a time, so each gets the answer it would have got alone; a busy
 * store's 429 answers the whole batch.
 */
final class WriteBatches implements Runnable {

  /** Writes one batch in one transaction. */
  interface Writer {
    List<WriteOutcome> write(List<BatchedWrite> batch);
  }

  /** What the batches did, for the metrics. */
  interface Counts {
    void committed(int writes);

    void rolledBack(int writes);
  }

  private record Pending(BatchedWrite write, CompletableFuture<BatchedWrite.Written> result) {}

  private final int max;
  private final long waitMillis;
  private final Writer writer;
  private final Counts counts;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private volatile boolean running = true;

  WriteBatches(int max, long waitMillis, Writer writer, Counts counts) {
    this.max = max;
    this.waitMillis = waitMillis;
    this.writer = writer;
    this.counts = counts;
  }

  /**
   * Queues a write and returns what it wrote once its batch committed; throws what refused it, 504
   * when no batch took it in time (it may still be written), 503 once stopped.
   */
  BatchedWrite.Written submit(BatchedWrite write) {
    Pending pending = new Pending(write, new CompletableFuture<>());
    queue.add(pending);
    if (!running && queue.remove(pending)) {
      throw shuttingDown();
    }
    try {
      return pending.result().get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException failure
          ? failure
          : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new StatusException(
          504,
          StatusReasons.TIMEOUT,
          "the write was not committed within " + waitMillis + " ms; it may still complete");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StatusException(
          500, StatusReasons.INTERNAL_ERROR, "interrupted while waiting for the write to commit");
    }
  }

  /** The committer loop; returns once {@link #stop} was called or the thread is interrupted. */
  @Override
  public void run() {
    List<Pending> batch = new ArrayList<>();
    while (running) {
      try {
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, max - 1);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } finally {
        batch.clear();
      }
    }
    failQueued();
  }

  /** Stops taking batches; what is still queued is answered 503. */
  void stop() {
    running = false;
    failQueued();
  }

  private void failQueued() {
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    for (Pending pending : left) {
      pending.result().completeExceptionally(shuttingDown());
    }
  }

  private void commit(List<Pending> batch) {
    List<BatchedWrite> writes = new ArrayList<>(batch.size());
    for (Pending pending : batch) {
      writes.add(pending.write());
    }
    List<WriteOutcome> outcomes;
    try {
      outcomes = writer.write(writes);
    } catch (RuntimeException failure) {
      counts.rolledBack(batch.size());
      if (batch.size() == 1 || isBusy(failure)) {
        for (Pending pending : batch) {
          pending.result().completeExceptionally(failure);
        }
      } else {
        for (Pending pending : batch) {
          commit(List.of(pending));
        }
      }
      return;
    }
    counts.committed(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      WriteOutcome outcome = outcomes.get(i);
      if (outcome.refusal() != null) {
        batch.get(i).result().completeExceptionally(outcome.refusal());
      } else {
        batch.get(i).result().complete(outcome.written());
      }
    }
  }

  private static boolean isBusy(RuntimeException failure) {
    return failure instanceof StatusException status && status.code() == 429;
  }

  private static StatusException shuttingDown() {
    return new StatusException(
        503, StatusReasons.SERVICE_UNAVAILABLE, "the API server is shutting down; retry");
  }
}
