package io.pilothouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Scenario 5: where a create's cost lies, by the rate and the whole machine's CPU per request of
 * four calls of growing depth, each sent by the same closed-loop clients as scenario 1 for a fixed
 * time: {@code GET /version} (Payara's HTTP stack and JAX-RS with nothing behind them: the floor
 * any request pays), a pod {@code GET} (the read path), a pod create with {@code dryRun=All}
 * (decoding, defaults, validation, admission and encoding, no store write) and a real create. CPU
 * is read from {@code /proc/stat}, so it counts the server, the clients and everything else on the
 * machine: on 2 cores, {@code n} requests a second leave at most {@code 2000 / n} ms each.
 */
final class RequestPathScenario {

  /** One call's outcome. */
  record Result(String call, int requests, double seconds, double cpuMillisPerRequest, int bad) {
    double perSecond() {
      return requests / seconds;
    }
  }

  private final Api api;
  private final String schedulerName;

  RequestPathScenario(Api api, String schedulerName) {
    this.api = api;
    this.schedulerName = schedulerName;
  }

  /**
   * Runs each call for {@code seconds} after {@code warmSeconds} unmeasured, and prints them;
   * returns a bound on the pods it created, for cleanup (their {@code bench-batch} labels stay
   * below it / 500; dry-run creates count too).
   */
  int runAndReport(String namespace, int clients, int warmSeconds, int seconds) throws Exception {
    System.out.printf(
        "%n== 5. Request path: four calls of growing depth, %d clients, %d s each"
            + " (after %d s unmeasured) ==%n",
        clients, seconds, warmSeconds);
    String pods = "/api/v1/namespaces/" + namespace + "/pods";
    AtomicInteger names = new AtomicInteger();
    api.sendLean("POST", pods, CreateScenario.pod("probe", 0, schedulerName));
    Stats.Table table =
        new Stats.Table(
            "Request path (" + namespace + ")",
            "call",
            "requests",
            "requests/s",
            "machine CPU ms/request",
            "not 2xx");
    Result[] results = {
      measure(
          "GET /version", clients, warmSeconds, seconds, i -> new Call("GET", "/version", null)),
      measure(
          "GET pod", clients, warmSeconds, seconds, i -> new Call("GET", pods + "/probe", null)),
      measure(
          "POST pod dryRun=All",
          clients,
          warmSeconds,
          seconds,
          creates(pods + "?dryRun=All", "dry-", names)),
      measure("POST pod", clients, warmSeconds, seconds, creates(pods, "real-", names))
    };
    for (Result result : results) {
      table.row(
          result.call(),
          result.requests(),
          Stats.f0(result.perSecond()),
          String.format(Locale.ROOT, "%.2f", result.cpuMillisPerRequest()),
          result.bad());
    }
    table.print();
    Stats.summary(
        "5 request path",
        String.format(
            Locale.ROOT,
            "GET /version %.0f/s at %.2f ms CPU; create %.0f/s at %.2f ms",
            results[0].perSecond(),
            results[0].cpuMillisPerRequest(),
            results[3].perSecond(),
            results[3].cpuMillisPerRequest()));
    return names.get() + 1;
  }

  private record Call(String method, String path, String body) {}

  /** Pod creates to {@code path}, each with a new name. */
  private IntFunction<Call> creates(String path, String prefix, AtomicInteger names) {
    return i ->
        new Call(
            "POST", path, CreateScenario.pod(prefix + names.incrementAndGet(), i, schedulerName));
  }

  private Result measure(
      String name, int clients, int warmSeconds, int seconds, IntFunction<Call> calls)
      throws Exception {
    run(clients, warmSeconds, calls);
    long before = busyJiffies();
    long start = System.nanoTime();
    Instant from = Instant.now();
    int[] counts = run(clients, seconds, calls);
    double elapsed = (System.nanoTime() - start) / 1e9;
    long after = busyJiffies();
    // for matching profiles of the server to the call
    System.out.println("  " + name + ": measured " + from + " to " + Instant.now());
    double busyMillis = (after - before) * 10.0; // USER_HZ is 100 on Linux
    return new Result(name, counts[0], elapsed, busyMillis / Math.max(1, counts[0]), counts[1]);
  }

  /** Sends calls from {@code clients} threads for {@code seconds}; returns {requests, not 2xx}. */
  private int[] run(int clients, int seconds, IntFunction<Call> calls) throws Exception {
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger bad = new AtomicInteger();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    ClosedLoop.run(
        clients,
        () -> {
          while (System.nanoTime() < deadline) {
            Call call = calls.apply(sent.get());
            int status = api.sendLean(call.method(), call.path(), call.body()).statusCode();
            sent.incrementAndGet();
            if (status / 100 != 2 && bad.incrementAndGet() <= 3) {
              System.out.println("  " + call.method() + " " + call.path() + " -> " + status);
            }
          }
          return null;
        });
    api.closeLean();
    return new int[] {sent.get(), bad.get()};
  }

  /** The machine's busy jiffies (all but idle and iowait) from {@code /proc/stat}'s first line. */
  private static long busyJiffies() throws IOException {
    String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long busy = 0;
    for (int i = 1; i < f.length && i <= 8; i++) {
      busy += i == 4 || i == 5 ? 0 : Long.parseLong(f[i]);
    }
    return busy;
  }
}
