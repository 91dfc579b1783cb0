package io.pilothouse.compaction;

import io.pilothouse.registry.StoreSettings;
import io.pilothouse.store.jpa.JpaObjectStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Compacts the store as etcd's periodic compaction does: every interval (default 60 s) it drops the
 * event-log rows more than a window of revisions behind the current one. Watches and continue
 * tokens older than what remains get 410 Expired and relist. Per-object history is trimmed by the
 * store on each write.
 */
@Singleton
@Startup
@DependsOn("StoreInitializer")
public class CompactionTimer {

  private static final Logger LOG = Logger.getLogger(CompactionTimer.class.getName());

  @Resource private TimerService timers;

  @PersistenceContext(unitName = "pilothouse")
  private EntityManager em;

  @Inject private StoreSettings settings;

  @Inject
  @ConfigProperty(name = "pilothouse.compaction.interval.seconds", defaultValue = "60")
  private long intervalSeconds;

  @Inject
  @ConfigProperty(name = "pilothouse.compaction.window.revisions", defaultValue = "100000")
  private long windowRevisions;

  private final AtomicLong runs = new AtomicLong();
  private volatile long compactedRevision;

  @PostConstruct
  void schedule() {
    long millis = intervalSeconds * 1000;
    timers.createIntervalTimer(millis, millis, new TimerConfig("store-compaction", false));
  }

  @Timeout
  void compact() {
    JpaObjectStore store = settings.store(em);
    long before = store.compactedRevision();
    compactedRevision = store.compact(windowRevisions);
    runs.incrementAndGet();
    if (compactedRevision != before) {
      LOG.fine("compacted the event log up to revision " + compactedRevision);
    }
  }

  /** How many times the timer has compacted since start. */
  public long runs() {
    return runs.get();
  }

  /** The compacted revision after the last run. */
  public long compactedRevision() {
    return compactedRevision;
  }
}
