package io.pilothouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * H2's raw commit rate on this machine: an embedded H2 file database under /tmp (the same URL
 * options as the server's), a loop of "lock one row, update it, commit" on plain JDBC. The shared
 * row mirrors the server's revision counter ({@code SELECT ... FOR UPDATE} held to commit); the
 * row-per-thread variant shows what H2 does without that serialisation.
 */
final class H2CommitRate {

  /** Commits per second for one configuration. */
  record Rate(String name, int threads, long commits, double seconds) {
    double perSecond() {
      return commits / seconds;
    }
  }

  private final Path directory;
  private final String url;

  /** H2 with these URL options ({@code ;KEY=VALUE...}). */
  H2CommitRate(String options) throws IOException {
    directory = Files.createTempDirectory(Path.of("/tmp"), "pilothouse-bench-h2-");
    url = "jdbc:h2:file:" + directory.resolve("bench") + options;
  }

  /**
   * The options of the server's H2 URL: those of {@code PILOTHOUSE_DATABASE_URL} when set (as
   * {@code bench/run} passes it to the server), else the server's default ones.
   */
  static String serverOptions() {
    String url = System.getenv("PILOTHOUSE_DATABASE_URL");
    if (url != null && url.startsWith("jdbc:h2:") && url.indexOf(';') > 0) {
      return url.substring(url.indexOf(';'));
    }
    return ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;OPTIMIZE_REUSE_RESULTS=0;CACHE_SIZE=16384";
  }

  /** Runs the three configurations, each for {@code seconds} after a one-second warm-up. */
  Rate[] run(double seconds) throws Exception {
    try (Connection keepOpen = DriverManager.getConnection(url, "sa", "")) {
      try (Statement s = keepOpen.createStatement()) {
        s.execute("CREATE TABLE counter(id INT PRIMARY KEY, v BIGINT NOT NULL)");
        s.execute("INSERT INTO counter SELECT X, 0 FROM SYSTEM_RANGE(0, 32)");
      }
      loop(1, false, 1.0);
      loop(32, true, 1.0);
      return new Rate[] {
        new Rate("1 thread, one row", 1, loop(1, false, seconds), seconds),
        new Rate(
            "32 threads, one shared row (like the revision counter)",
            32,
            loop(32, false, seconds),
            seconds),
        new Rate("32 threads, a row each", 32, loop(32, true, seconds), seconds)
      };
    } finally {
      deleteDirectory();
    }
  }

  private long loop(int threads, boolean ownRow, double seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicLong commits = new AtomicLong();
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    long[] deadline = new long[1];
    for (int t = 0; t < threads; t++) {
      int row = ownRow ? t + 1 : 0;
      pool.submit(
          () -> {
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
              c.setAutoCommit(false);
              PreparedStatement lock =
                  c.prepareStatement("SELECT v FROM counter WHERE id = ? FOR UPDATE");
              PreparedStatement update =
                  c.prepareStatement("UPDATE counter SET v = ? WHERE id = ?");
              ready.countDown();
              go.await();
              long n = 0;
              while (System.nanoTime() < deadline[0]) {
                lock.setInt(1, row);
                long v;
                try (ResultSet rs = lock.executeQuery()) {
                  rs.next();
                  v = rs.getLong(1);
                }
                update.setLong(1, v + 1);
                update.setInt(2, row);
                update.executeUpdate();
                c.commit();
                n++;
              }
              commits.addAndGet(n);
            } catch (SQLException | InterruptedException e) {
              throw new IllegalStateException(e);
            }
            return null;
          });
    }
    ready.await();
    deadline[0] = System.nanoTime() + (long) (seconds * 1e9);
    go.countDown();
    pool.shutdown();
    while (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS)) {
      // waits for the loops to pass their deadline
    }
    return commits.get();
  }

  private void deleteDirectory() throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
