package io.pilothouse.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.store.ConflictException;
import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoredObject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A read-modify-write retried after a conflict inside the SAME transaction, as the registry retries
 * a patch that names no resourceVersion (upstream's GuaranteedUpdate): the retry must read the
 * newest row and win eventually, not keep conflicting on a stale view of its own transaction.
 */
class RetryInTransactionTest {

  private static final int WRITERS = 16;
  private static final int WRITES_EACH = 10;
  private static final int ATTEMPTS = 1000;
  private static final ObjectKey KEY = ObjectKey.namespaced("", "configmaps", "default", "patched");
  private static final Pattern COUNT = Pattern.compile("\\{\"count\":(\\d+)}");

  private static TestDatabase db;

  @BeforeAll
  static void open() {
    db = TestDatabase.open("retry-in-transaction");
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
  void conflictRetriedInTheSameTransactionLands() throws Exception {
    db.withStore(s -> s.create(KEY, "uid", "{\"count\":0}", IndexedFields.EMPTY));
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < WRITES_EACH; i++) {
                    incrementInOneTransaction(conflicts);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(count(db.get(KEY).orElseThrow().body())).isEqualTo(WRITERS * WRITES_EACH);
  }

  private static void incrementInOneTransaction(AtomicInteger conflicts) {
    EntityManager em = db.factory().createEntityManager();
    try {
      em.getTransaction().begin();
      JpaObjectStore store = db.store(em);
      for (int attempt = 1; ; attempt++) {
        StoredObject current = store.get(KEY).orElseThrow();
        String next = "{\"count\":" + (count(current.body()) + 1) + "}";
        try {
          store.update(KEY, current.modRevision(), next, IndexedFields.EMPTY);
          break;
        } catch (ConflictException e) {
          conflicts.incrementAndGet();
          assertThat(attempt).as("attempts in one transaction").isLessThan(ATTEMPTS);
        }
      }
      em.getTransaction().commit();
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  private static int count(String body) {
    Matcher m = COUNT.matcher(body);
    assertThat(m.matches()).as(body).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
