package io.pilothouse.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.store.AlreadyExistsException;
import io.pilothouse.store.ConflictException;
import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoreEvent;
import io.pilothouse.store.StoredObject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 64 writers at once, each with its own EntityManager and transaction, as 64 request threads of the
 * API server would be. No write may be lost or duplicated, and the event log must show every write
 * once, in order, gap-free.
 */
class ConcurrentWritersTest {

  private static final int WRITERS = 64;
  private static final int WRITES_EACH = 3;
  private static final ObjectKey COUNTER =
      ObjectKey.namespaced("", "configmaps", "default", "counter");
  private static final Pattern COUNT = Pattern.compile("\\{\"count\":(\\d+)}");

  private static TestDatabase db;

  @BeforeAll
  static void open() {
    db = TestDatabase.open("concurrent");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void empty() {
    db.clear();
    db.inTransaction(em -> db.store(em).initialize());
  }

  @Test
  void readModifyWriteWithRetryLosesNoIncrement() throws Exception {
    db.withStore(s -> s.create(COUNTER, "uid", "{\"count\":0}", IndexedFields.EMPTY));
    AtomicInteger conflicts = new AtomicInteger();

    runConcurrently(
        w -> {
          for (int i = 0; i < WRITES_EACH; i++) {
            incrementWithRetry(conflicts);
          }
        });

    int total = WRITERS * WRITES_EACH;
    assertThat(count(db.get(COUNTER).orElseThrow().body())).isEqualTo(total);
    List<StoreEvent> events = db.eventsAfter(0, 10_000);
    assertThat(events).hasSize(total + 1);
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).revision()).isEqualTo(i + 1L);
      assertThat(count(events.get(i).body())).isEqualTo(i);
    }
    assertThat(conflicts.get()).as("conflicts seen and retried").isPositive();
  }

  @Test
  void unconditionalUpdatesNeverConflict() throws Exception {
    db.withStore(s -> s.create(COUNTER, "uid", "{\"count\":0}", IndexedFields.EMPTY));

    runConcurrently(
        w -> {
          for (int i = 0; i < WRITES_EACH; i++) {
            String body = "{\"count\":" + (w * WRITES_EACH + i) + "}";
            db.withStore(s -> s.update(COUNTER, 0, body, IndexedFields.EMPTY));
          }
        });

    List<StoreEvent> events = db.eventsAfter(0, 10_000);
    assertThat(events).hasSize(WRITERS * WRITES_EACH + 1);
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).revision()).isEqualTo(i + 1L);
      assertThat(events.get(i).prevBody()).isEqualTo(events.get(i - 1).body());
    }
  }

  @Test
  void concurrentCreatesOfOneKeyLetExactlyOneWin() throws Exception {
    AtomicInteger alreadyExists = new AtomicInteger();

    runConcurrently(
        w -> {
          try {
            db.withStore(s -> s.create(COUNTER, "uid-" + w, "{}", IndexedFields.EMPTY));
          } catch (AlreadyExistsException e) {
            alreadyExists.incrementAndGet();
          }
        });

    assertThat(alreadyExists.get()).isEqualTo(WRITERS - 1);
    assertThat(db.currentRevision()).isEqualTo(1);
    assertThat(db.eventsAfter(0, 100)).hasSize(1);
  }

  /** Runs one task per writer, all released at once; fails on any unexpected exception. */
  private static void runConcurrently(Writer writer) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int id = w;
        Callable<Void> task =
            () -> {
              start.await();
              writer.write(id);
              return null;
            };
        done.add(pool.submit(task));
      }
      start.countDown();
      for (Future<Void> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The work of one writer thread. */
  private interface Writer {
    void write(int id) throws Exception;
  }

  private static void incrementWithRetry(AtomicInteger conflicts) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      EntityManager em = db.factory().createEntityManager();
      try {
        em.getTransaction().begin();
        JpaObjectStore store = db.store(em);
        StoredObject current = store.get(COUNTER).orElseThrow();
        String next = "{\"count\":" + (count(current.body()) + 1) + "}";
        store.update(COUNTER, current.modRevision(), next, IndexedFields.EMPTY);
        em.getTransaction().commit();
        return;
      } catch (ConflictException e) {
        conflicts.incrementAndGet();
      } finally {
        if (em.getTransaction().isActive()) {
          em.getTransaction().rollback();
        }
        em.close();
      }
      // jittered backoff, as client-go's RetryOnConflict does
      Thread.sleep(ThreadLocalRandom.current().nextInt(1, 1 + Math.min(50, 5 * attempt)));
    }
  }

  private static int count(String body) {
    Matcher m = COUNT.matcher(body);
    assertThat(m.matches()).as(body).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
