package io.pilothouse.registry;

import io.pilothouse.store.jpa.JpaObjectStore;
import io.pilothouse.store.jpa.SqlDialect;
import io.pilothouse.store.jpa.StoreConfig;
import io.pilothouse.store.jpa.WriteGate;
import io.pilothouse.store.watch.CommittedEvents;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The store's configuration as the control plane reads it: the SQL dialect of the configured
 * database, how many revisions of each object the history keeps, and, for the embedded H2 store,
 * the process-wide {@link TransactionWriteGate}; and the {@link CommittedEvents} every write's
 * events go to after commit ({@link TransactionEventSink}), for the watch cache. Every bean builds
 * its store here.
 */
@ApplicationScoped
public class StoreSettings {

  private SqlDialect dialect;
  private StoreConfig config;
  private WriteGate gate = WriteGate.NONE;
  private CommittedEvents committed;
  private TransactionEventSink sink;

  @Resource private TransactionSynchronizationRegistry transactions;

  StoreSettings() {}

  @Inject
  StoreSettings(
      @ConfigProperty(name = "pilothouse.database.url") String databaseUrl,
      @ConfigProperty(name = "pilothouse.history.revisions", defaultValue = "20") int history,
      @ConfigProperty(name = "pilothouse.watch.handover.capacity", defaultValue = "100000")
          int handover) {
    this.dialect = SqlDialect.forJdbcUrl(databaseUrl);
    this.config = StoreConfig.DEFAULT.withHistoryDepth(history);
    this.committed = new CommittedEvents(handover);
  }

  @PostConstruct
  void createGateAndSink() {
    if (dialect == SqlDialect.H2) {
      gate = new TransactionWriteGate(transactions, TransactionWriteGate.DEFAULT_WAIT_MILLIS);
    }
    sink = new TransactionEventSink(transactions, committed);
  }

  public SqlDialect dialect() {
    return dialect;
  }

  public StoreConfig config() {
    return config;
  }

  /** The events of the writes committed in this process, for the watch cache's feeder. */
  public CommittedEvents committedEvents() {
    return committed;
  }

  /** Where every write's events wait for their transaction's commit. */
  public TransactionEventSink eventSink() {
    return sink;
  }

  /** The store over the caller's entity manager, in the caller's transaction. */
  public JpaObjectStore store(EntityManager em) {
    return new JpaObjectStore(em, dialect, config, gate, sink);
  }
}
