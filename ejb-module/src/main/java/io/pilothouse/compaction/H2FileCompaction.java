package io.pilothouse.compaction;

import io.pilothouse.infrastructure.ResourceNames;
import io.pilothouse.registry.StoreSettings;
import io.pilothouse.store.jpa.SqlDialect;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the embedded H2 database file bounded, as etcd's defragmentation does for its bolt file.
 * H2's MVStore appends every checkpoint as a new chunk and reclaims a chunk only once nothing in it
 * is live; it moves the live pages out of sparse chunks ("auto-compact") only while the database is
 * idle, and under the store's back-to-back durable checkpoints it never is, so the file grew
 * without bound under constant Lease churn. Every interval (default 1 s) this timer asks the
 * MVStore to rewrite the live pages of its sparsest old chunks, a bounded amount at a time (default
 * 2 MiB), so that the chunks left behind die and their space is reused. Commits wait while a run
 * rewrites, so the runs are small and frequent: 16 MiB every 10 s stalled every write for 150–370
 * ms once the file had grown (docs/performance.md, "Write latency"). It logs the file's size
 * whenever it passes a quarter above the largest yet. Nothing to do for a server database such as
 * PostgreSQL.
 */
@Singleton
@Startup
@DependsOn("StoreInitializer")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class H2FileCompaction {

  private static final Logger LOG = Logger.getLogger(H2FileCompaction.class.getName());

  @Resource private TimerService timers;

  @Resource(lookup = ResourceNames.DATASOURCE)
  private DataSource dataSource;

  @Inject private StoreSettings settings;

  @Inject
  @ConfigProperty(name = "pilothouse.h2.compaction.interval.seconds", defaultValue = "1")
  private long intervalSeconds;

  /** Below this share of live data in the chunks a run rewrites some (H2's own default: 90). */
  @Inject
  @ConfigProperty(name = "pilothouse.h2.compaction.fill-rate", defaultValue = "80")
  private int targetFillRate;

  /** At most this many MiB of live pages are rewritten per run. */
  @Inject
  @ConfigProperty(name = "pilothouse.h2.compaction.write.mib", defaultValue = "2")
  private int writeMib;

  private long highWater;

  @PostConstruct
  void schedule() {
    if (settings.dialect() == SqlDialect.H2) {
      long millis = intervalSeconds * 1000;
      timers.createIntervalTimer(millis, millis, new TimerConfig("h2-file-compaction", false));
    }
  }

  @Timeout
  void onTimeout() {
    runNow();
  }

  /**
   * Runs once now; returns the measurement after it, or null if H2's store could not be reached.
   */
  public H2FileStats runNow() {
    try (Connection connection = dataSource.getConnection()) {
      H2FileStore store = H2FileStore.of(connection);
      long started = System.nanoTime();
      boolean rewrote = store.compact(targetFillRate, writeMib << 20);
      H2FileStats stats = store.stats(rewrote, (System.nanoTime() - started) / 1_000_000);
      log(stats);
      return stats;
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "could not compact the H2 database file", e);
      return null;
    }
  }

  private synchronized void log(H2FileStats stats) {
    if (stats.fileBytes() > highWater + highWater / 4) {
      highWater = stats.fileBytes();
      LOG.info(stats::toString);
    } else {
      LOG.fine(stats::toString);
    }
  }
}
