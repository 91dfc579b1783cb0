package io.pilothouse.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * The scheduler throughput benchmark of issue 4 ("Performance"): prints figures, asserts nothing.
 * Against a running control plane ({@code --server}) it registers N Node objects (default runs:
 * 500, then 5,000; 64 CPUs, 256 Gi, 110 pods each, Ready), creates 10,000 pods in bulk with 32
 * clients (100m CPU, 64 Mi requests, a nodeSelector keeping them on this run's nodes), and counts
 * bindings on a watch of the namespace: pods bound per second end to end, from the first create to
 * the last binding seen by the watch, through the store, the change feed and the scheduler. Start
 * the server with {@code -Dpilothouse.nodelifecycle.grace.seconds=3600}: these nodes renew no
 * Lease, and the node lifecycle controller would otherwise taint them all mid-run.
 *
 * <p>{@code java -cp bench/target/classes:bench/target/lib/* io.pilothouse.bench.SchedulerBenchmark
 * --server http://127.0.0.1:PORT [--nodes 500,5000] [--pods 10000] [--clients 32] [--client
 * raw|jdk]}: the pod creates go through a {@link RawHttp} connection per client thread, or with
 * {@code --client jdk} through the JDK's HttpClient (see {@link Api#sendLean}).
 */
public final class SchedulerBenchmark {

  private static final long TIMEOUT_SECONDS = 900;

  private final Api api;
  private final int clients;

  private SchedulerBenchmark(Api api, int clients) {
    this.api = api;
    this.clients = clients;
  }

  public static void main(String[] args) throws Exception {
    java.util.Map<String, String> options = BenchMain.options(args);
    Api api = BenchMain.api(options);
    int pods = Integer.parseInt(options.getOrDefault("--pods", "10000"));
    int clients = Integer.parseInt(options.getOrDefault("--clients", "32"));
    List<Integer> nodeCounts =
        java.util.Arrays.stream(options.getOrDefault("--nodes", "500,5000").split(","))
            .map(Integer::parseInt)
            .toList();
    BenchMain.header("Pilothouse scheduler benchmark", api);
    System.out.println("  client:  " + api.leanClient() + " (pod creates)");
    SchedulerBenchmark bench = new SchedulerBenchmark(api, clients);
    for (int nodes : nodeCounts) {
      bench.run(nodes, pods);
    }
  }

  private void run(int nodes, int pods) throws Exception {
    String run = "sb" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    System.out.printf("%n== %d nodes, %d pods (run %s)%n", nodes, pods, run);
    long t = System.nanoTime();
    parallel(nodes, i -> registerNode(run, i));
    System.out.printf("  registered %d nodes in %.1f s%n", nodes, secs(t));
    api.createNamespace(run);
    Thread.sleep(3000);
    AtomicInteger bound = new AtomicInteger();
    AtomicLong lastBound = new AtomicLong();
    Thread watcher = new Thread(() -> countBindings(run, pods, bound, lastBound), "bench-watch");
    watcher.setDaemon(true);
    watcher.start();
    Thread.sleep(500);
    long start = System.nanoTime();
    parallel(pods, i -> createPod(run, i));
    double createSeconds = secs(start);
    watcher.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    double total = (lastBound.get() - start) / 1e9;
    System.out.printf(
        "  created %d pods in %.1f s (%.0f creates/s)%n",
        pods, createSeconds, pods / createSeconds);
    System.out.printf(
        "  bound %d/%d pods, last binding %.1f s after the first create%n",
        bound.get(), pods, total);
    System.out.printf(
        "SUMMARY scheduler nodes=%d pods=%d bound=%d end-to-end=%.0f pods/s%n",
        nodes, pods, bound.get(), bound.get() / total);
    cleanup(run, pods, nodes);
  }

  private void registerNode(String run, int i) {
    BenchNodes.register(
        api,
        run + "-node-" + i,
        "\"bench-run\":\""
            + run
            + "\",\"bench-batch\":\""
            + i / CreateScenario.BATCH
            + "\",\"topology.kubernetes.io/zone\":\"zone-"
            + (i % 3)
            + "\"");
  }

  private void createPod(String run, int i) {
    api.callLean(
        "POST",
        "/api/v1/namespaces/" + run + "/pods",
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p-"
            + i
            + "\",\"labels\":{\"app\":\"bench\",\"bench-batch\":\""
            + i / CreateScenario.BATCH
            + "\"}},\"spec\":{\"nodeSelector\":{\"bench-run\":\""
            + run
            + "\"},"
            + "\"containers\":[{\"name\":\"c\",\"image\":\"registry.k8s.io/pause:3.10\","
            + "\"resources\":{\"requests\":{\"cpu\":\"100m\",\"memory\":\"64Mi\"}}}]}}");
  }

  /** Reads the namespace's pod watch until every pod was seen with a node. */
  private void countBindings(String run, int pods, AtomicInteger bound, AtomicLong lastBound) {
    Set<String> seen = new HashSet<>();
    try (InputStream stream =
            api.stream(
                "/api/v1/namespaces/"
                    + run
                    + "/pods?watch=true&timeoutSeconds="
                    + TIMEOUT_SECONDS);
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while (seen.size() < pods && (line = lines.readLine()) != null) {
        JsonNode pod = Api.JSON.readTree(line).path("object");
        String node = pod.path("spec").path("nodeName").asString("");
        if (!node.isEmpty() && seen.add(pod.path("metadata").path("name").asString())) {
          bound.set(seen.size());
          lastBound.set(System.nanoTime());
        }
      }
    } catch (Exception e) {
      System.out.println("  watch ended: " + e);
    }
  }

  private void cleanup(String run, int podCount, int nodeCount) {
    // in batches: one deletecollection of thousands of pods holds the revision lock throughout
    for (String pods : CreateScenario.batches(podCount)) {
      api.send(
          "DELETE",
          "/api/v1/namespaces/"
              + run
              + "/"
              + pods
              + (pods.contains("?") ? "&" : "?")
              + "gracePeriodSeconds=0",
          null);
    }
    api.send("DELETE", "/api/v1/namespaces/" + run, null);
    for (int batch = 0; batch <= nodeCount / CreateScenario.BATCH; batch++) {
      api.send(
          "DELETE",
          "/api/v1/nodes?labelSelector=bench-run%3D" + run + ",bench-batch%3D" + batch,
          null);
    }
    System.out.println("  cleaned up " + run);
  }

  private void parallel(int count, java.util.function.IntConsumer task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    Future<?>[] workers = new Future<?>[clients];
    for (int c = 0; c < clients; c++) {
      workers[c] =
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                  try {
                    task.accept(i);
                  } catch (RuntimeException e) {
                    if (failures.incrementAndGet() <= 3) {
                      System.out.println("  failure: " + e.getMessage());
                    }
                  }
                }
              });
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    api.closeLean();
    if (failures.get() > 0) {
      System.out.println("  failures: " + failures.get());
    }
  }

  private static double secs(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
