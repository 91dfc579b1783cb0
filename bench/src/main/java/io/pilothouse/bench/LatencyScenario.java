package io.pilothouse.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Scenario 2: latency of mutating calls at a steady rate, open loop. Request {@code i} is due at
 * {@code t0 + i / rate}; a dispatcher hands it to a pool of senders at that moment whether or not
 * earlier requests have answered, and its latency is counted from the due time (so a stalled server
 * cannot hide its stall by slowing the sender down). The writes are unconditional updates (PUT) of
 * ConfigMaps, spread round-robin over a set of them.
 */
final class LatencyScenario {

  private static final int CONFIG_MAPS = 1000;
  private static final int SENDERS = 64;
  private static final int WARMUP_SECONDS = 30;

  /** Latency from the due time, and service time from the actual send. */
  record Result(long[] fromDue, long[] service, int failures, double achievedRate) {}

  private final Api api;

  LatencyScenario(Api api) {
    this.api = api;
  }

  static String configMap(String name, String key, String value, String annotation) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
        + name
        + "\""
        + (annotation == null
            ? ""
            : ",\"annotations\":{\"bench.pilothouse.io/marker\":\"" + annotation + "\"}")
        + "},\"data\":{\""
        + key
        + "\":\""
        + value
        + "\"}}";
  }

  void createConfigMaps(String namespace, int count) {
    for (int i = 0; i < count; i++) {
      api.callLean(
          "POST",
          "/api/v1/namespaces/" + namespace + "/configmaps",
          configMap("cm-" + i, "v", "0", null));
    }
  }

  /** Sends {@code rate} updates per second for {@code seconds}. */
  Result run(String namespace, int rate, int seconds) throws InterruptedException {
    int total = rate * seconds;
    long interval = 1_000_000_000L / rate;
    long[] fromDue = new long[total];
    long[] service = new long[total];
    AtomicInteger failures = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    long t0 = System.nanoTime() + 10_000_000L;
    for (int i = 0; i < total; i++) {
      long due = t0 + i * interval;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      int n = i;
      senders.execute(
          () -> {
            String name = "cm-" + (n % CONFIG_MAPS);
            String path = "/api/v1/namespaces/" + namespace + "/configmaps/" + name;
            long sent = System.nanoTime();
            int status =
                api.sendLean("PUT", path, configMap(name, "v", Integer.toString(n), null))
                    .statusCode();
            long done = System.nanoTime();
            fromDue[n] = done - due;
            service[n] = done - sent;
            if (status != 200 && failures.incrementAndGet() <= 3) {
              System.out.println("  update " + name + " -> " + status);
            }
          });
    }
    long dispatched = System.nanoTime();
    senders.shutdown();
    senders.awaitTermination(5, TimeUnit.MINUTES);
    api.closeLean();
    return new Result(fromDue, service, failures.get(), total / ((dispatched - t0) / 1e9));
  }

  /**
   * Lists each second of the run whose worst write took more than 25 ms (from its due time), with
   * the wall-clock time it started, so that a tail can be matched with the server's timers and
   * logs.
   */
  private static void printSlowSeconds(long[] fromDue, int rate) {
    long startMillis = System.currentTimeMillis() - (long) fromDue.length * 1000 / rate;
    DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    StringBuilder slow = new StringBuilder();
    for (int second = 0; second * rate < fromDue.length; second++) {
      long worst = 0;
      int late = 0;
      for (int i = second * rate; i < Math.min(fromDue.length, (second + 1) * rate); i++) {
        worst = Math.max(worst, fromDue[i]);
        late += fromDue[i] > 25_000_000L ? 1 : 0;
      }
      if (late > 0) {
        slow.append(
            String.format(
                Locale.ROOT,
                "%n  %s (+%ds): %d writes over 25 ms, worst %.1f ms",
                clock.format(Instant.ofEpochMilli(startMillis + second * 1000L)),
                second,
                late,
                worst / 1e6));
      }
    }
    System.out.println("  seconds with writes over 25 ms:" + (slow.length() == 0 ? " none" : slow));
  }

  void runAndReport(String namespace, int rate, int seconds) throws InterruptedException {
    System.out.printf(
        "%n== 2. Mutating-call latency, %d writes/s open loop, %d s ==%n", rate, seconds);
    System.out.println("  client: " + api.leanClient());
    createConfigMaps(namespace, CONFIG_MAPS);
    // long enough for the JIT to settle when this scenario runs first on a fresh server
    System.out.println("  warm-up: " + WARMUP_SECONDS + " s at the same rate");
    run(namespace, rate, WARMUP_SECONDS);
    Result result = run(namespace, rate, seconds);
    Stats.Latency due = Stats.Latency.of(result.fromDue());
    Stats.Latency service = Stats.Latency.of(result.service());
    new Stats.Table(
            String.format(
                Locale.ROOT,
                "ConfigMap updates (PUT), %d writes, dispatched at %.1f/s, %d failures",
                due.count(),
                result.achievedRate(),
                result.failures()),
            "measured from",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "max ms")
        .row(
            "due time",
            Stats.f1(due.p50()),
            Stats.f1(due.p90()),
            Stats.f1(due.p99()),
            Stats.f1(due.max()))
        .row(
            "send",
            Stats.f1(service.p50()),
            Stats.f1(service.p90()),
            Stats.f1(service.p99()),
            Stats.f1(service.max()))
        .print();
    printSlowSeconds(result.fromDue(), rate);
    Stats.summary(
        "2 write latency",
        "p50 "
            + Stats.f1(due.p50())
            + " ms, p99 "
            + Stats.f1(due.p99())
            + " ms at "
            + rate
            + " writes/s",
        "p99 <= 25 ms",
        due.p99() <= 25 && result.failures() == 0);
  }
}
