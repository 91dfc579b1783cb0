package io.pilothouse.changefeed;

import io.pilothouse.infrastructure.ResourceNames;
import io.pilothouse.registry.StoreSettings;
import io.pilothouse.store.jpa.SqlDialect;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Group commit for the embedded H2 store, as etcd batches its fsyncs: a write is acknowledged only
 * once the database file holds it. H2 keeps commits in memory for up to its {@code WRITE_DELAY};
 * rather than writing the file on every commit ({@code WRITE_DELAY=0}, one file write per
 * transaction, each queued behind the last), the committing thread waits here, after commit, until
 * one {@code CHECKPOINT} that started after its commit has written the file. A single flusher
 * thread runs the checkpoints back to back while writers wait, so one file write covers every write
 * that committed before it started. Nothing to do for a server database such as PostgreSQL.
 */
@ApplicationScoped
public class DurableCommits {

  private static final Logger LOG = Logger.getLogger(DurableCommits.class.getName());
  private static final long MAX_WAIT_MILLIS = 10_000;
  private static final String COMMITTED_REVISION =
      "SELECT ctr_value FROM ph_counter WHERE ctr_id = 'revision'";

  @Resource private ManagedThreadFactory threads;

  @Resource(lookup = ResourceNames.DATASOURCE)
  private DataSource dataSource;

  @Inject private StoreSettings settings;

  private static final ThreadLocal<Boolean> AWAITED_ELSEWHERE = new ThreadLocal<>();

  private final Object lock = new Object();
  private long requested;
  private volatile long flushed;
  private final List<Runnable> flushListeners = new CopyOnWriteArrayList<>();
  private volatile boolean running;
  private Thread flusher;

  @PostConstruct
  void start() {
    running = settings.dialect() == SqlDialect.H2;
    if (running) {
      flusher = threads.newThread(this::flushLoop);
      flusher.setName("pilothouse-durable-commits");
      flusher.start();
    }
  }

  @PreDestroy
  void stop() {
    running = false;
    if (flusher != null) {
      flusher.interrupt();
    }
  }

  /**
   * Marks the calling thread's commits, while {@code work} runs, as awaited by someone else: their
   * {@code AFTER_SUCCESS} notices only ask for a checkpoint instead of waiting for it, and each
   * writer whose write was committed calls {@link #await} itself (the write batcher's committer
   * goes on to its next batch meanwhile).
   */
  public static <T> T awaitedElsewhere(Supplier<T> work) {
    AWAITED_ELSEWHERE.set(Boolean.TRUE);
    try {
      return work.get();
    } finally {
      AWAITED_ELSEWHERE.remove();
    }
  }

  /** Holds the committing thread until the file holds the write (at most ten seconds). */
  void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) StoreChange change) {
    if (AWAITED_ELSEWHERE.get() != null) {
      request(change.revision());
    } else {
      await(change.revision());
    }
  }

  /**
   * Every write up to this revision is in the database file (all that committed, for a server
   * database): what watchers may be told of.
   */
  public long durableRevision() {
    return running ? flushed : Long.MAX_VALUE;
  }

  /** Runs {@code listener} on the flusher thread after every checkpoint. */
  public void onFlushed(Runnable listener) {
    flushListeners.add(listener);
  }

  /** Asks for a checkpoint covering {@code revision} without waiting for it. */
  public void request(long revision) {
    if (!running) {
      return;
    }
    synchronized (lock) {
      raiseRequested(revision);
    }
  }

  /** Raises the revision the next checkpoint must cover; the caller holds {@code lock}. */
  private void raiseRequested(long revision) {
    if (revision > requested) {
      requested = revision;
      lock.notifyAll();
    }
  }

  /**
   * Returns once the database file holds every write up to {@code revision} (at once for a server
   * database; after at most ten seconds, logged, should checkpoints stall).
   */
  public void await(long revision) {
    if (!running) {
      return;
    }
    long deadline = System.currentTimeMillis() + MAX_WAIT_MILLIS;
    synchronized (lock) {
      raiseRequested(revision);
      while (flushed < revision && running) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          LOG.warning("revision " + revision + " not yet checkpointed; acknowledging");
          return;
        }
        try {
          lock.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void flushLoop() {
    while (running) {
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        while (running) {
          awaitRequest();
          long covered = committedRevision(statement);
          statement.execute("CHECKPOINT");
          flushedUpTo(covered);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (SQLException | RuntimeException e) {
        LOG.log(Level.WARNING, "checkpoint failed; acknowledging the waiting writes", e);
        flushedUpTo(requested());
        pause();
      }
    }
  }

  /**
   * Records that the file holds every write up to {@code revision}; wakes writers and listeners.
   */
  private void flushedUpTo(long revision) {
    synchronized (lock) {
      flushed = Math.max(flushed, revision);
      lock.notifyAll();
    }
    flushListeners.forEach(Runnable::run);
  }

  private long requested() {
    synchronized (lock) {
      return requested;
    }
  }

  /** Waits until a writer waits for a revision not yet flushed. */
  private void awaitRequest() throws InterruptedException {
    synchronized (lock) {
      while (requested <= flushed) {
        lock.wait();
      }
    }
  }

  /** Every write up to this revision has committed (writes commit in revision order). */
  private static long committedRevision(Statement statement) throws SQLException {
    try (ResultSet row = statement.executeQuery(COMMITTED_REVISION)) {
      return row.next() ? row.getLong(1) : 0;
    }
  }

  private void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
