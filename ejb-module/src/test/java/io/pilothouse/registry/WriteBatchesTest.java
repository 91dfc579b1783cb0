package io.pilothouse.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilothouse.api.StatusException;
import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The batching and answering rules of {@link WriteBatches}, with a scripted writer. */
class WriteBatchesTest {

  private final ResourceType configMaps =
      new ResourceTypes().find("", "v1", "configmaps").orElseThrow();
  private final List<List<String>> batches = new CopyOnWriteArrayList<>();
  private final AtomicInteger committed = new AtomicInteger();
  private final AtomicInteger rolledBack = new AtomicInteger();
  private final AtomicInteger revision = new AtomicInteger();
  private final CountDownLatch firstBatchEntered = new CountDownLatch(1);
  private final CountDownLatch releaseFirstBatch = new CountDownLatch(1);
  private Thread committer;
  private WriteBatches queue;

  @AfterEach
  void stop() throws InterruptedException {
    if (queue != null) {
      queue.stop();
      committer.interrupt();
      committer.join(5_000);
    }
  }

  /**
   * Starts a queue whose writer records each batch's names, holds the first batch until {@link
   * #releaseFirstBatch} and stores it, and answers later batches as {@code script} says.
   */
  private void start(Function<List<BatchedWrite>, List<WriteOutcome>> script) {
    queue =
        new WriteBatches(
            64,
            5_000,
            batch -> {
              batches.add(batch.stream().map(WriteBatchesTest::name).toList());
              if (batches.size() == 1) {
                firstBatchEntered.countDown();
                await(releaseFirstBatch);
                return storeAll(batch);
              }
              return script.apply(batch);
            },
            new WriteBatches.Counts() {
              @Override
              public void committed(int writes) {
                committed.addAndGet(writes);
              }

              @Override
              public void rolledBack(int writes) {
                rolledBack.addAndGet(writes);
              }
            });
    committer = new Thread(queue, "test-committer");
    committer.start();
  }

  private List<WriteOutcome> storeAll(List<BatchedWrite> batch) {
    List<WriteOutcome> outcomes = new ArrayList<>();
    for (BatchedWrite write : batch) {
      outcomes.add(WriteOutcome.written(stored(write)));
    }
    return outcomes;
  }

  private BatchedWrite.Written stored(BatchedWrite write) {
    PreparedCreate create = (PreparedCreate) write;
    int rev = revision.incrementAndGet();
    return new BatchedWrite.Written(
        new StoredObject(create.key(), create.uid(), create.body(), rev, rev), rev);
  }

  private static String name(BatchedWrite write) {
    return ((PreparedCreate) write).key().name();
  }

  private PreparedCreate create(String name) {
    return new PreparedCreate(
        configMaps,
        ObjectKey.namespaced("", "configmaps", "default", name),
        "uid-" + name,
        "{}",
        IndexedFields.EMPTY,
        null);
  }

  private CompletableFuture<Object> submitAsync(String name) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return queue.submit(create(name));
          } catch (RuntimeException e) {
            return e;
          }
        });
  }

  /**
   * Submits a first create whose batch the writer holds until {@code names} have queued behind it,
   * then those; returns the answers to {@code names}, in order (a Written or the exception).
   */
  private List<Object> queuedBehindAHeldBatch(String... names) throws Exception {
    CompletableFuture<Object> first = submitAsync("first");
    assertThat(firstBatchEntered.await(5, TimeUnit.SECONDS)).isTrue();
    List<CompletableFuture<Object>> waiting = new ArrayList<>();
    for (String name : names) {
      waiting.add(submitAsync(name));
    }
    Thread.sleep(200); // let them all queue behind the held batch
    releaseFirstBatch.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS)).isInstanceOf(BatchedWrite.Written.class);
    List<Object> answers = new ArrayList<>();
    for (CompletableFuture<Object> result : waiting) {
      answers.add(result.get(5, TimeUnit.SECONDS));
    }
    return answers;
  }

  @Test
  void createsQueuedWhileABatchIsWrittenGoIntoTheNextBatchTogether() throws Exception {
    start(this::storeAll);
    assertThat(queuedBehindAHeldBatch("b", "c", "d", "e"))
        .allMatch(BatchedWrite.Written.class::isInstance);
    assertThat(batches).hasSize(2);
    assertThat(batches.get(1)).containsExactlyInAnyOrder("b", "c", "d", "e");
    assertThat(committed).hasValue(5);
    assertThat(rolledBack).hasValue(0);
  }

  @Test
  void aRefusedCreateIsAnsweredAloneWhileTheRestOfItsBatchCommits() throws Exception {
    StatusException taken = new StatusException(409, "AlreadyExists", "taken");
    start(
        batch -> {
          List<WriteOutcome> outcomes = new ArrayList<>();
          for (BatchedWrite write : batch) {
            outcomes.add(
                name(write).equals("taken")
                    ? WriteOutcome.refused(taken)
                    : WriteOutcome.written(stored(write)));
          }
          return outcomes;
        });
    List<Object> answers = queuedBehindAHeldBatch("ok", "taken");
    assertThat(answers.get(0)).isInstanceOf(BatchedWrite.Written.class);
    assertThat(answers.get(1)).isSameAs(taken);
    assertThat(batches).hasSize(2);
    assertThat(batches.get(1)).containsExactlyInAnyOrder("ok", "taken");
  }

  @Test
  void aBatchRolledBackIsWrittenAgainOneCreateAtATime() throws Exception {
    StatusException duplicate = new StatusException(409, "AlreadyExists", "dup");
    start(
        batch -> {
          if (batch.size() > 1) {
            throw new WriteBatchRolledBack(duplicate);
          }
          if (name(batch.get(0)).equals("dup")) {
            throw duplicate;
          }
          return storeAll(batch);
        });
    List<Object> answers = queuedBehindAHeldBatch("x", "dup", "y");
    assertThat(answers.stream().filter(BatchedWrite.Written.class::isInstance)).hasSize(2);
    assertThat(answers).contains(duplicate);
    assertThat(batches.get(1)).hasSize(3);
    assertThat(batches.subList(2, batches.size()))
        .allSatisfy(single -> assertThat(single).hasSize(1))
        .extracting(single -> single.get(0))
        .containsExactlyInAnyOrderElementsOf(Set.of("x", "dup", "y"));
    assertThat(rolledBack).hasValue(3 + 1);
    assertThat(committed).hasValue(1 + 2);
  }

  @Test
  void aBusyStoreAnswersTheWholeBatch429WithoutRetrying() throws Exception {
    StatusException busy = new StatusException(429, "TooManyRequests", "busy");
    start(
        batch -> {
          throw busy;
        });
    assertThat(queuedBehindAHeldBatch("one", "two")).containsExactly(busy, busy);
    assertThat(batches).hasSize(2);
  }

  @Test
  void afterStopACreateIsAnswered503() throws Exception {
    start(this::storeAll);
    queue.stop();
    committer.join(5_000);
    assertThatThrownBy(() -> queue.submit(create("late")))
        .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(503));
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
