package io.pilothouse.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Writers contending for one object, as {@code ReliabilityIT} has them: each of {@code --writers}
 * threads reads a ConfigMap, PUTs it back with the value plus one under the resourceVersion it
 * read, and starts again on 409 until it has made {@code --increments} increments; {@code --rounds}
 * rounds, each on a fresh ConfigMap. Prints per round the seconds, the successful writes per
 * second, the 409s and any other answer (a 5xx here is a store fault), and checks that the final
 * value equals the number of increments (no write lost).
 *
 * <pre>
 * bench/run --main io.pilothouse.bench.ConflictBenchmark --writers 64 --increments 25 --rounds 6
 * </pre>
 */
public final class ConflictBenchmark {

  private static final String NAMESPACE = "bench-conflict";

  private ConflictBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = BenchMain.options(args);
    Api api = BenchMain.api(options);
    int writers = Integer.parseInt(options.getOrDefault("--writers", "64"));
    int increments = Integer.parseInt(options.getOrDefault("--increments", "25"));
    int rounds = Integer.parseInt(options.getOrDefault("--rounds", "6"));
    BenchMain.header(
        "Conflict benchmark: "
            + writers
            + " writers x "
            + increments
            + " increments of one ConfigMap, "
            + rounds
            + " rounds",
        api);
    api.createNamespace(NAMESPACE);
    Stats.Table table =
        new Stats.Table(
            "Rounds", "round", "seconds", "writes/s", "409s", "other errors", "final value");
    long totalErrors = 0;
    boolean allCounted = true;
    for (int round = 1; round <= rounds; round++) {
      Result result = new Round(api, "counter-" + round, writers, increments).run();
      table.row(
          Integer.toString(round),
          Stats.f1(result.seconds()),
          Stats.f0(writers * increments / result.seconds()),
          Long.toString(result.conflicts()),
          Long.toString(result.errors()),
          result.value() + "/" + writers * increments);
      totalErrors += result.errors();
      allCounted &= result.value() == writers * increments;
    }
    table.print();
    Stats.summary(
        "contended writes",
        totalErrors + " errors, every increment counted: " + allCounted,
        "0 errors, none lost",
        totalErrors == 0 && allCounted);
  }

  /** One round: a fresh ConfigMap and the writers' read-modify-write loops. */
  private record Round(Api api, String name, int writers, int increments) {

    Result run() throws Exception {
      api.call(
          "POST",
          path(""),
          "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
              + name
              + "\"},\"data\":{\"value\":\"0\"}}");
      AtomicLong conflicts = new AtomicLong();
      AtomicLong errors = new AtomicLong();
      ExecutorService pool = Executors.newFixedThreadPool(writers);
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        done.add(pool.submit(() -> increment(conflicts, errors)));
      }
      for (Future<?> f : done) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES);
      int value = api.json("GET", path("/" + name), null).path("data").path("value").asInt();
      return new Result(seconds, conflicts.get(), errors.get(), value);
    }

    private Void increment(AtomicLong conflicts, AtomicLong errors) {
      int made = 0;
      while (made < increments && errors.get() < 100) {
        JsonNode current = api.json("GET", path("/" + name), null);
        String version = current.path("metadata").path("resourceVersion").asText();
        int value = current.path("data").path("value").asInt();
        HttpResponse<String> put =
            api.send(
                "PUT",
                path("/" + name),
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
                    + name
                    + "\",\"resourceVersion\":\""
                    + version
                    + "\"},\"data\":{\"value\":\""
                    + (value + 1)
                    + "\"}}");
        if (put.statusCode() == 200) {
          made++;
        } else if (put.statusCode() == 409) {
          conflicts.incrementAndGet();
        } else {
          errors.incrementAndGet();
        }
      }
      return null;
    }

    private static String path(String suffix) {
      return "/api/v1/namespaces/" + NAMESPACE + "/configmaps" + suffix;
    }
  }

  private record Result(double seconds, long conflicts, long errors, int value) {}
}
