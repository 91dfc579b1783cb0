package io.pilothouse.compaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link H2FileStore} on a real embedded H2 file: chunks left mostly dead by later writes, with the
 * rows that keep them alive never written again, are rewritten by a compaction run, after which the
 * file's chunks hold mostly live data.
 */
class H2FileStoreTest {

  private static final int BATCHES = 40;
  private static final int ROWS_PER_BATCH = 100;

  @TempDir Path dir;

  @Test
  void compactionRewritesSparseChunksSoTheirSpaceIsLive() throws Exception {
    try (Connection connection = openWithTable()) {
      Statement statement = connection.createStatement();
      writeSparseChunks(connection, statement);
      H2FileStore store = H2FileStore.of(connection);
      H2FileStats before = store.stats(false, 0);

      boolean rewrote = store.compact(90, 16 << 20);
      // The chunks emptied by the rewrite are dropped when later writes are stored.
      for (int id = -1; id >= -2; id--) {
        statement.execute("INSERT INTO t VALUES (" + id + ", 'later')");
        statement.execute("CHECKPOINT");
      }
      H2FileStats after = store.stats(rewrote, 0);

      assertThat(before.chunksFillRate()).isLessThan(60);
      assertThat(rewrote).isTrue();
      assertThat(after.chunksFillRate()).isGreaterThan(before.chunksFillRate() + 30);
      assertThat(after.fileFillRate()).isLessThan(before.fileFillRate());
      assertThat(after.fileBytes()).isEqualTo(Files.size(dir.resolve("db.mv.db")));
    }
  }

  @Test
  void aDenseFileIsLeftAlone() throws Exception {
    try (Connection connection = openWithTable()) {
      Statement statement = connection.createStatement();
      statement.execute("INSERT INTO t VALUES (1, 'one')");
      statement.execute("CHECKPOINT");
      H2FileStore store = H2FileStore.of(connection);

      assertThat(store.compact(1, 16 << 20)).isFalse();
    }
  }

  /** A new database file with one table. */
  private Connection openWithTable() throws Exception {
    // H2's background writer compacts on its own when the store looks idle, which would leave
    // the run under test nothing to do; the server's store is never idle, this test's is.
    Connection connection =
        DriverManager.getConnection(
            "jdbc:h2:" + dir.resolve("db") + ";AUTO_COMPACT_FILL_RATE=0", "sa", "");
    try (Statement statement = connection.createStatement()) {
      // The default retention keeps old chunks for 45 s; none here, so the test need not wait.
      statement.execute("SET RETENTION_TIME 0");
      statement.execute("CREATE TABLE t(id INT PRIMARY KEY, body VARCHAR(2000))");
    }
    return connection;
  }

  /**
   * Writes the rows in batches of one chunk each, then rewrites all but the last rows of every
   * batch, so that each early chunk keeps only a leaf or two alive.
   */
  private static void writeSparseChunks(Connection connection, Statement statement)
      throws Exception {
    String body = "x".repeat(1000);
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?)");
        PreparedStatement update =
            connection.prepareStatement("UPDATE t SET body = ? WHERE id = ?")) {
      for (int batch = 0; batch < BATCHES; batch++) {
        for (int row = 0; row < ROWS_PER_BATCH; row++) {
          insert.setInt(1, batch * ROWS_PER_BATCH + row);
          insert.setString(2, body);
          insert.executeUpdate();
        }
        statement.execute("CHECKPOINT");
      }
      for (int batch = 0; batch < BATCHES; batch++) {
        for (int row = 0; row < ROWS_PER_BATCH * 9 / 10; row++) {
          update.setString(1, body + "!");
          update.setInt(2, batch * ROWS_PER_BATCH + row);
          update.executeUpdate();
        }
      }
      statement.execute("CHECKPOINT");
    }
  }
}
