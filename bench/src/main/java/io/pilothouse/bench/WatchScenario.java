package io.pilothouse.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 4: watch delivery latency. A client watches ConfigMaps in a namespace while a writer
 * updates them at a steady rate, each write carrying a unique marker annotation. For each marker,
 * latency = the moment the client read the event's line minus the moment the writer received the
 * write's response (so it is commit → publish → watch cache → stream → client, without the write's
 * own time). Lines are time-stamped as read, before they are parsed.
 */
final class WatchScenario {

  private static final int CONFIG_MAPS = 50;
  private static final int SENDERS = 8;
  private static final String MARKER = "bench.pilothouse.io/marker";

  private final Api api;
  private final Map<String, Long> received = new ConcurrentHashMap<>();
  private final Map<String, Long> sent = new ConcurrentHashMap<>();
  private final Map<String, Long> written = new ConcurrentHashMap<>();
  private volatile long events;

  WatchScenario(Api api) {
    this.api = api;
  }

  private void startWatch(String namespace, int timeoutSeconds) {
    String rv =
        api.json("GET", "/api/v1/namespaces/" + namespace + "/configmaps", null)
            .path("metadata")
            .path("resourceVersion")
            .asString();
    String path =
        "/api/v1/namespaces/"
            + namespace
            + "/configmaps?watch=true&resourceVersion="
            + rv
            + "&timeoutSeconds="
            + timeoutSeconds;
    long opened = System.nanoTime();
    Thread reader =
        new Thread(
            () -> {
              // Opened on this thread: the server may hold the response headers back until its
              // output buffer fills, and the writer must not wait for them.
              try (InputStream stream = api.stream(path);
                  BufferedReader lines =
                      new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                System.out.printf(
                    "  watch response headers after %.0f ms%n", (System.nanoTime() - opened) / 1e6);
                String line;
                while ((line = lines.readLine()) != null) {
                  long now = System.nanoTime();
                  events++;
                  JsonNode event = Api.JSON.readTree(line);
                  String marker =
                      event
                          .path("object")
                          .path("metadata")
                          .path("annotations")
                          .path(MARKER)
                          .asString("");
                  if (!marker.isEmpty()) {
                    received.putIfAbsent(marker, now);
                  }
                }
                System.out.println("  watch ended by the server after " + events + " lines");
              } catch (Exception e) {
                System.out.println("  watch ended: " + e);
              }
            },
            "bench-watch-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Open loop: write {@code i} is sent at {@code t0 + i / rate} by one of a few senders. */
  private void write(String namespace, String prefix, int rate, int seconds)
      throws InterruptedException {
    long interval = 1_000_000_000L / rate;
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    long t0 = System.nanoTime();
    for (int i = 0; i < rate * seconds; i++) {
      long wait;
      while ((wait = t0 + i * interval - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      String name = "cm-" + (i % CONFIG_MAPS);
      String marker = prefix + i;
      senders.execute(
          () -> {
            sent.put(marker, System.nanoTime());
            api.call(
                "PUT",
                "/api/v1/namespaces/" + namespace + "/configmaps/" + name,
                LatencyScenario.configMap(name, "v", marker, marker));
            written.put(marker, System.nanoTime());
          });
    }
    senders.shutdown();
    senders.awaitTermination(5, TimeUnit.MINUTES);
  }

  void runAndReport(String namespace, int rate, int seconds) throws InterruptedException {
    System.out.printf("%n== 4. Watch delivery latency, %d writes/s for %d s ==%n", rate, seconds);
    for (int i = 0; i < CONFIG_MAPS; i++) {
      api.call(
          "POST",
          "/api/v1/namespaces/" + namespace + "/configmaps",
          LatencyScenario.configMap("cm-" + i, "v", "0", null));
    }
    startWatch(namespace, seconds + 60);
    System.out.println("  warm-up: 3 s of writes");
    write(namespace, "w", rate, 3);
    long start = System.nanoTime();
    write(namespace, "m", rate, seconds);
    double achieved = rate * seconds / ((System.nanoTime() - start) / 1e9);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline
        && !received.keySet().containsAll(measured(rate * seconds))) {
      Thread.sleep(50);
    }
    List<Long> fromResponse = new ArrayList<>();
    List<Long> fromSend = new ArrayList<>();
    int missing = 0;
    int early = 0;
    for (String marker : measured(rate * seconds)) {
      Long read = received.get(marker);
      Long acknowledged = written.get(marker);
      if (read == null || acknowledged == null) {
        missing++;
        continue;
      }
      early += read < acknowledged ? 1 : 0;
      fromResponse.add(read - acknowledged);
      fromSend.add(read - sent.get(marker));
    }
    Stats.Latency l = Stats.Latency.of(fromResponse);
    Stats.Latency upper = Stats.Latency.of(fromSend);
    System.out.printf(
        "%n%d writes at %.1f/s achieved: %d events matched, %d missing or failed,"
            + " %d read before the write's response%n",
        rate * seconds, achieved, l.count(), missing, early);
    new Stats.Table(
            "Watch delivery (event line read by the watching client)",
            "measured from",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "max ms")
        .row(
            "write response received (the figure)",
            Stats.f1(l.p50()),
            Stats.f1(l.p90()),
            Stats.f1(l.p99()),
            Stats.f1(l.max()))
        .row(
            "write request sent (upper bound)",
            Stats.f1(upper.p50()),
            Stats.f1(upper.p90()),
            Stats.f1(upper.p99()),
            Stats.f1(upper.max()))
        .print();
    Stats.summary(
        "4 watch delivery",
        "p50 "
            + Stats.f1(l.p50())
            + " ms, p99 "
            + Stats.f1(l.p99())
            + " ms over "
            + l.count()
            + " events",
        "p99 <= 50 ms",
        l.p99() <= 50 && missing == 0);
  }

  private static List<String> measured(int count) {
    List<String> markers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      markers.add("m" + i);
    }
    return markers;
  }
}
