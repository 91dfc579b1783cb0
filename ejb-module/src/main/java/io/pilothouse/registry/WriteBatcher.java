package io.pilothouse.registry;

import io.pilothouse.changefeed.DurableCommits;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Group commit of whole writes: creates prepared by concurrent request threads, and bindings, queue
 * here, and one committer thread writes as many as are waiting (up to {@code
 * pilothouse.write.batch.max}, 128 by default; 1 turns batching off) in one transaction, so they
 * share one pass of the write gate, one revision lock, one commit and one checkpoint instead of
 * each paying for its own. Each write still takes a revision of its own, in queue order, and is
 * acknowledged only once its batch committed and the database file holds it ({@link
 * DurableCommits}, awaited by the request thread while the committer goes on). How a batch that
 * fails is answered: {@link WriteBatches}.
 *
 * <p>A caller in a transaction of its own never comes here: its writes belong to that transaction.
 * Counters {@code pilothouse_write_batched_total{outcome=committed|rolled_back}} (writes) and
 * {@code pilothouse_write_batches_total} are served at {@code /metrics}.
 */
@ApplicationScoped
public class WriteBatcher {

  /** How long a request waits for its batch before it is answered 504 (the write may land). */
  private static final long WAIT_MILLIS = 60_000;

  @Resource private ManagedThreadFactory threads;
  @Inject private Provider<ObjectRegistry> registry;
  @Inject private MetricRegistry metrics;

  private int max;
  private WriteBatches batches;
  private Thread committer;

  WriteBatcher() {}

  @Inject
  WriteBatcher(@ConfigProperty(name = "pilothouse.write.batch.max", defaultValue = "128") int max) {
    this.max = max;
  }

  @PostConstruct
  void start() {
    if (max > 1) {
      batches = new WriteBatches(max, WAIT_MILLIS, this::writeBatch, new BatchCounters(metrics));
      committer = threads.newThread(batches);
      committer.setName("pilothouse-write-batcher");
      committer.start();
    }
  }

  @PreDestroy
  void stop() {
    if (batches != null) {
      batches.stop();
      committer.interrupt();
    }
  }

  /** Whether writes are batched ({@code pilothouse.write.batch.max} above 1). */
  boolean enabled() {
    return batches != null;
  }

  /**
   * Whether a create of this type goes through a batch: not when batching is off, for a dry run
   * (which writes nothing), or for a Service (whose cluster IP allocation locks the store's writes
   * in the creating transaction).
   */
  boolean takes(ResourceType type, WriteOptions options) {
    return enabled() && !options.dryRun() && !RegistryContext.isService(type);
  }

  /**
   * Queues a write and returns what it wrote once its batch has committed (not yet necessarily in
   * the database file: see {@link DurableCommits#await}); throws what refused it.
   */
  BatchedWrite.Written write(BatchedWrite write) {
    return batches.submit(write);
  }

  private List<WriteOutcome> writeBatch(List<BatchedWrite> batch) {
    return DurableCommits.awaitedElsewhere(() -> registry.get().writeBatch(batch));
  }

  /** The batches' MicroProfile Metrics counters. */
  private static final class BatchCounters implements WriteBatches.Counts {

    private final Counter batches;
    private final Counter committed;
    private final Counter rolledBack;

    BatchCounters(MetricRegistry registry) {
      Metadata writes =
          Metadata.builder()
              .withName("pilothouse_write_batched")
              .withDescription("Writes made in batches, by the outcome of their batch")
              .build();
      this.committed = registry.counter(writes, new Tag("outcome", "committed"));
      this.rolledBack = registry.counter(writes, new Tag("outcome", "rolled_back"));
      this.batches =
          registry.counter(
              Metadata.builder()
                  .withName("pilothouse_write_batches")
                  .withDescription("Batches of writes that committed")
                  .build());
    }

    @Override
    public void committed(int writes) {
      batches.inc();
      committed.inc(writes);
    }

    @Override
    public void rolledBack(int writes) {
      rolledBack.inc(writes);
    }
  }
}
