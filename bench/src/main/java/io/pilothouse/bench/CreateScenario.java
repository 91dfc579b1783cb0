package io.pilothouse.bench;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 1: pod creates through HTTP with a fixed number of concurrent clients (closed loop: each
 * client sends its next create when the last one answered), minimal valid pods with unique names in
 * a fresh namespace. Reports creates/s and the per-request latency.
 */
final class CreateScenario {

  /** The outcome of one run. */
  record Result(int pods, int clients, long elapsedNanos, long[] latencies, int failures) {
    double perSecond() {
      return pods / (elapsedNanos / 1e9);
    }
  }

  /**
   * The scheduler the pods name: by default one that does not run, so the scenario measures the API
   * server and store alone, as upstream's apiserver benchmarks do; {@code default-scheduler} adds
   * the scheduler's reaction to every pod (a status write and a FailedScheduling event each, since
   * the benchmark has no nodes) to the same two cores.
   */
  static final String UNSERVED_SCHEDULER = "bench-unserved-scheduler";

  private final Api api;
  private final String schedulerName;

  CreateScenario(Api api, String schedulerName) {
    this.api = api;
    this.schedulerName = schedulerName;
  }

  /** Pods carry a {@code bench-batch} label so that cleanup can delete them in batches. */
  static final int BATCH = 500;

  /**
   * Creates before the measured run unless {@code --warmup} says otherwise (in their own namespace,
   * deleted with the others at the end). A freshly started Payara is still compiling its request
   * path for minutes: use a larger warm-up (e.g. 20,000) to measure the steady state.
   */
  static final int DEFAULT_WARMUP = 2_000;

  static String pod(String name, int index, String schedulerName) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\""
        + name
        + "\",\"labels\":{\"app\":\"bench\",\"bench-batch\":\""
        + index / BATCH
        + "\"}},\"spec\":{\"schedulerName\":\""
        + schedulerName
        + "\",\"containers\":[{\"name\":\"c\","
        + "\"image\":\"registry.k8s.io/pause:3.10\"}]}}";
  }

  /**
   * The deletecollection calls that empty a namespace of {@code count} bench pods: one per batch
   * label, then one for whatever is left. A single deletecollection of thousands of pods is one
   * long transaction that holds the revision lock (and so stops every other write) throughout.
   */
  static String[] batches(int count) {
    int n = (count + BATCH - 1) / BATCH;
    String[] resources = new String[n + 1];
    for (int b = 0; b < n; b++) {
      resources[b] = "pods?labelSelector=bench-batch%3D" + b;
    }
    resources[n] = "pods";
    return resources;
  }

  /** Creates {@code count} pods named {@code prefix-NNNNN} in {@code namespace}. */
  Result run(String namespace, String prefix, int count, int clients) throws Exception {
    String path = "/api/v1/namespaces/" + namespace + "/pods";
    long[] latencies = new long[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    long elapsed =
        ClosedLoop.run(
            clients,
            () -> {
              for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                String body = pod(String.format("%s-%05d", prefix, i), i, schedulerName);
                long start = System.nanoTime();
                int status = api.sendLean("POST", path, body).statusCode();
                latencies[i] = System.nanoTime() - start;
                if (status != 201 && failures.incrementAndGet() <= 3) {
                  System.out.println("  create " + prefix + "-" + i + " -> " + status);
                }
              }
              return null;
            });
    api.closeLean();
    return new Result(count, clients, elapsed, latencies, failures.get());
  }

  /** Measures H2's raw commit rates with these URL options and prints them beside the API's. */
  private static H2CommitRate.Rate[] h2Table(Result result, String options) throws Exception {
    H2CommitRate.Rate[] rates = new H2CommitRate(options).run(5.0);
    Stats.Table h2 =
        new Stats.Table(
            "H2 raw commit rate (file database under /tmp, 5 s each, options " + options + ")",
            "configuration",
            "threads",
            "commits/s",
            "API creates / H2 commits");
    for (H2CommitRate.Rate rate : rates) {
      h2.row(
          rate.name(),
          rate.threads(),
          Stats.f0(rate.perSecond()),
          String.format(java.util.Locale.ROOT, "%.4f", result.perSecond() / rate.perSecond()));
    }
    h2.print();
    return rates;
  }

  /** Runs the scenario with a warm-up, H2's commit rate in the same run, and prints the figures. */
  Result runAndReport(String namespace, String warmupNamespace, int warmup, int pods, int clients)
      throws Exception {
    System.out.printf("%n== 1. Pod creates, %d clients ==%n", clients);
    System.out.println("  schedulerName: " + schedulerName);
    System.out.println("  client: " + api.leanClient());
    System.out.println("  warm-up: " + warmup + " creates in " + warmupNamespace);
    Result warm = run(warmupNamespace, "w", warmup, clients);
    System.out.printf(
        "  warm-up done: %.0f creates/s over %.1f s%n",
        warm.perSecond(), warm.elapsedNanos() / 1e9);
    Result result = run(namespace, "p", pods, clients);
    Stats.Latency latency = Stats.Latency.of(result.latencies());
    new Stats.Table(
            "Pod creates through HTTP (" + namespace + ")",
            "pods",
            "clients",
            "seconds",
            "creates/s",
            "p50 ms",
            "p99 ms",
            "max ms",
            "failures")
        .row(
            result.pods(),
            result.clients(),
            Stats.f1(result.elapsedNanos() / 1e9),
            Stats.f0(result.perSecond()),
            Stats.f1(latency.p50()),
            Stats.f1(latency.p99()),
            Stats.f1(latency.max()),
            result.failures())
        .print();

    H2CommitRate.Rate[] rates = h2Table(result, H2CommitRate.serverOptions());
    h2Table(result, H2CommitRate.serverOptions() + ";WRITE_DELAY=0");
    Stats.summary(
        "1 pod creates",
        Stats.f0(result.perSecond())
            + " creates/s with "
            + clients
            + " clients = "
            + String.format(
                java.util.Locale.ROOT, "%.4f", result.perSecond() / rates[1].perSecond())
            + " x H2's shared-row commit rate ("
            + Stats.f0(rates[1].perSecond())
            + "/s)",
        ">= 2,000 creates/s",
        result.perSecond() >= 2_000 && result.failures() == 0);
    return result;
  }
}
