package io.pilothouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.it.support.MicroControlPlane;
import io.pilothouse.it.support.RawWatch;
import io.pilothouse.it.support.SharedControlPlane;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store's guarantees under load, through HTTP against the deployed WAR: optimistic concurrency
 * with 64 writers on one object loses no increment, and a watch over 10,000 concurrent writes sees
 * every revision once, in order. What survives a restart is {@link RestartIT}'s.
 */
@ExtendWith(SharedControlPlane.class)
class ReliabilityIT {

  private static final int WRITERS = 64;
  private static final int INCREMENTS = 25;
  private static final int WATCHED_WRITERS = 8;
  private static final int WATCHED_WRITES = 10_000;

  private final URI root;

  ReliabilityIT(MicroControlPlane server) {
    this.root = server.root();
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void concurrentWritersRetryingOnConflictLoseNoIncrement() throws Exception {
    String ns = "counter-" + ThreadLocalRandom.current().nextInt(1_000_000);
    ConfigMapWriter setup = new ConfigMapWriter(root);
    setup.createNamespace(ns);
    long created = setup.create(ns, "counter", "0");
    AtomicLong conflicts = new AtomicLong();
    long start = System.nanoTime();
    try (RawWatch watch =
        RawWatch.open(root, watchPath(ns, created) + "&fieldSelector=metadata.name%3Dcounter")) {
      Parallel.run(WRITERS, Duration.ofMinutes(4), t -> increment(ns, conflicts));
      double seconds = (System.nanoTime() - start) / 1e9;
      int total = WRITERS * INCREMENTS;
      assertThat(setup.read(ns, "counter").value()).isEqualTo(Integer.toString(total));
      System.out.printf(
          "ReliabilityIT: %d writers made %d increments in %.1f s (%.0f writes/s, %d conflicts)%n",
          WRITERS, total, seconds, total / seconds, conflicts.get());
      List<RawWatch.Event> events = watch.take(total, Duration.ofSeconds(30));
      assertThat(events).hasSize(total).allMatch(e -> e.type().equals("MODIFIED"));
      assertThat(revisions(events)).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void watchSeesEveryRevisionOfTenThousandWritesOnceAndInOrder() throws Exception {
    String ns = "watched-" + ThreadLocalRandom.current().nextInt(1_000_000);
    ConfigMapWriter setup = new ConfigMapWriter(root);
    setup.createNamespace(ns);
    long from = listRevision(setup, ns);
    Map<Long, Long> sentAt = new ConcurrentHashMap<>();
    try (RawWatch watch = RawWatch.open(root, watchPath(ns, from))) {
      long start = System.nanoTime();
      int perWriter = WATCHED_WRITES / WATCHED_WRITERS;
      Parallel.run(WATCHED_WRITERS, Duration.ofMinutes(6), t -> write(ns, t, perWriter, sentAt));
      double seconds = (System.nanoTime() - start) / 1e9;
      List<RawWatch.Event> events = watch.take(WATCHED_WRITES, Duration.ofSeconds(60));
      assertThat(sentAt).hasSize(WATCHED_WRITES);
      assertThat(revisions(events)).containsExactlyElementsOf(new TreeMap<>(sentAt).keySet());
      assertThat(watch.next(Duration.ofSeconds(1))).isNull();
      System.out.printf(
          "ReliabilityIT: %d watched writes by %d threads in %.1f s (%.0f writes/s); %s%n",
          WATCHED_WRITES,
          WATCHED_WRITERS,
          seconds,
          WATCHED_WRITES / seconds,
          latency(events, sentAt));
    }
  }

  /**
   * Increments the counter {@link #INCREMENTS} times, each as read, add one, write if unchanged.
   */
  private Void increment(String ns, AtomicLong conflicts) throws Exception {
    ConfigMapWriter writer = new ConfigMapWriter(root);
    for (int i = 0; i < INCREMENTS; i++) {
      while (true) {
        ConfigMapWriter.Read current = writer.read(ns, "counter");
        String next = Long.toString(Long.parseLong(current.value()) + 1);
        HttpResponse<String> put = writer.putIfAt(ns, "counter", next, current.revision());
        if (put.statusCode() == 200) {
          break;
        }
        assertThat(put.statusCode()).as(put.body()).isEqualTo(409);
        conflicts.incrementAndGet();
        Thread.sleep(ThreadLocalRandom.current().nextInt(3));
      }
    }
    return null;
  }

  /** Creates 25 ConfigMaps, then updates them in turn, keeping each write's revision. */
  private Void write(String ns, int thread, int writes, Map<Long, Long> sentAt) throws Exception {
    ConfigMapWriter writer = new ConfigMapWriter(root);
    int objects = 25;
    for (int i = 0; i < writes; i++) {
      String name = "w" + thread + "-" + (i % objects);
      long sent = System.nanoTime();
      long revision =
          i < objects ? writer.create(ns, name, "0") : writer.put(ns, name, Integer.toString(i));
      assertThat(sentAt.put(revision, sent)).as("revision %d returned twice", revision).isNull();
    }
    return null;
  }

  static String watchPath(String ns, long from) {
    return ConfigMapWriter.watchPath(ns, from);
  }

  static long listRevision(ConfigMapWriter writer, String ns) throws Exception {
    return writer.list(ns).revision();
  }

  static List<Long> revisions(Collection<RawWatch.Event> events) {
    return RawWatch.revisions(events);
  }

  /** Delivery time: from sending the write's request to reading its event, p50 and p99. */
  private static String latency(List<RawWatch.Event> events, Map<Long, Long> sentAt) {
    long[] millis =
        events.stream()
            .mapToLong(
                e ->
                    (e.receivedNanos() - sentAt.getOrDefault(e.revision(), e.receivedNanos()))
                        / 1_000_000)
            .sorted()
            .toArray();
    return "write-sent to event-read p50 "
        + millis[millis.length / 2]
        + " ms, p99 "
        + millis[millis.length * 99 / 100]
        + " ms";
  }
}
