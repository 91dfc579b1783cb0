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
 * 500, then 5,000; 64 CPUs, 256 Gi, 110 pods each, Ready) and creates 10,000 pods in bulk with 32
 * clients (100m CPU, 64 Mi requests, a nodeSelector keeping them on this run's nodes), counting
 * bindings on a watch of the namespace, in two modes:
 *
 * <ul>
 *   <li>{@code queued}: the pods are created while the benchmark holds the scheduler's Lease
 *       ({@link SchedulerLease}), then the Lease is given back: pods bound per second from the
 *       first binding to the last, the scheduler's own throughput over a queue of pending pods,
 *       each binding and {@code Scheduled} event a write through the store (upstream's
 *       scheduler_perf counts pods scheduled per second the same way);
 *   <li>{@code pipelined}: the pods are created while the scheduler runs: pods bound per second
 *       from the first create to the last binding, bound by the creates through HTTP.
 * </ul>
 *
 * <p>Start the server with {@code -Dpilothouse.nodelifecycle.grace.seconds=3600}: these nodes renew
 * no Lease, and the node lifecycle controller would otherwise taint them all mid-run.
 *
 * <p>{@code java -cp bench/target/classes:bench/target/lib/* io.pilothouse.bench.SchedulerBenchmark
 * --server http://127.0.0.1:PORT [--nodes 500,5000] [--pods 10000] [--modes queued,pipelined]
 * [--clients 32] [--client raw|jdk]}: the pod creates go through a {@link RawHttp} connection per
 * client thread, or with {@code --client jdk} through the JDK's HttpClient (see {@link
 * Api#sendLean}).
 */
public final class SchedulerBenchmark {

  private static final long TIMEOUT_SECONDS = 900;

  /** The {@code --modes}: pods queued before the scheduler starts, or created while it runs. */
  private static final String QUEUED = "queued";

  private static final String PIPELINED = "pipelined";

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
    List<String> modes =
        List.of(options.getOrDefault("--modes", QUEUED + "," + PIPELINED).split(","));
    for (String mode : modes) {
      if (!mode.equals(QUEUED) && !mode.equals(PIPELINED)) {
        throw new IllegalArgumentException("--modes takes queued and pipelined, not " + mode);
      }
    }
    SchedulerBenchmark bench = new SchedulerBenchmark(api, clients);
    for (int nodes : nodeCounts) {
      bench.run(nodes, pods, modes);
    }
  }

  private void run(int nodes, int pods, List<String> modes) throws Exception {
    String run = "sb" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    System.out.printf("%n== %d nodes, %d pods (run %s)%n", nodes, pods, run);
    long t = System.nanoTime();
    parallel(nodes, i -> registerNode(run, i));
    System.out.printf("  registered %d nodes in %.1f s%n", nodes, secs(t));
    for (String mode : modes) {
      String namespace = run + "-" + mode.charAt(0);
      if (mode.equals(QUEUED)) {
        queued(run, namespace, nodes, pods);
      } else {
        pipelined(run, namespace, nodes, pods);
      }
      deletePods(namespace, pods);
    }
    deleteNodes(run, nodes);
  }

  /** Creates the pods while the scheduler runs: bound by the creates (three writes a pod). */
  private void pipelined(String run, String namespace, int nodes, int pods) throws Exception {
    System.out.printf("  -- pipelined: pods created while the scheduler runs%n");
    Bindings bindings = watch(namespace, pods);
    long start = System.nanoTime();
    parallel(pods, i -> createPod(run, namespace, i));
    double createSeconds = secs(start);
    bindings.await();
    double total = (bindings.last.get() - start) / 1e9;
    System.out.printf(
        "  created %d pods in %.1f s (%.0f creates/s)%n",
        pods, createSeconds, pods / createSeconds);
    System.out.printf(
        "  bound %d/%d pods, last binding %.1f s after the first create%n",
        bindings.count.get(), pods, total);
    System.out.printf(
        "SUMMARY scheduler pipelined nodes=%d pods=%d bound=%d end-to-end=%.0f pods/s%n",
        nodes, pods, bindings.count.get(), bindings.count.get() / total);
  }

  /**
   * Creates the pods while the benchmark holds the scheduler's Lease, then gives it back: the
   * scheduler's own throughput over a queue of pending pods, every binding still a write through
   * the store (upstream's scheduler_perf measures the same way, pods scheduled per second).
   */
  private void queued(String run, String namespace, int nodes, int pods) throws Exception {
    System.out.printf(
        "  -- queued: %d pending pods, then the scheduler takes its Lease back%n", pods);
    SchedulerLease lease = new SchedulerLease(api);
    lease.hold();
    Thread.sleep(SchedulerLease.STEP_DOWN_MILLIS);
    Bindings bindings = watch(namespace, pods);
    long start = System.nanoTime();
    parallel(pods, i -> createPod(run, namespace, i));
    double createSeconds = secs(start);
    Thread.sleep(1000);
    int early = bindings.count.get();
    long released = System.nanoTime();
    lease.release();
    System.out.printf(
        "  created %d pods in %.1f s; the scheduler's Lease released at %s%n",
        pods, createSeconds, java.time.LocalTime.now().withNano(0));
    bindings.await();
    long first = bindings.first.get();
    long last = bindings.last.get();
    int bound = bindings.count.get();
    System.out.printf(
        "  %.0f creates/s, %d pods bound before the release%n", pods / createSeconds, early);
    System.out.printf(
        "  bound %d/%d pods: first binding %.1f s after the release, last %.1f s after the first%n",
        bound, pods, (first - released) / 1e9, (last - first) / 1e9);
    System.out.printf(
        "SUMMARY scheduler queued nodes=%d pods=%d bound=%d scheduling=%.0f pods/s"
            + " (from the release: %.0f pods/s)%n",
        nodes,
        pods,
        bound,
        (bound - early) / ((last - first) / 1e9),
        (bound - early) / ((last - released) / 1e9));
  }

  /** A watch counting the namespace's pods that have a node, started before the creates. */
  private Bindings watch(String namespace, int pods) throws InterruptedException {
    api.createNamespace(namespace);
    Thread.sleep(3000);
    Bindings bindings = new Bindings();
    bindings.watcher =
        new Thread(() -> countBindings(namespace, pods, bindings), "bench-watch-" + namespace);
    bindings.watcher.setDaemon(true);
    bindings.watcher.start();
    Thread.sleep(500);
    return bindings;
  }

  /** What a binding watch saw: how many pods were bound, the first and the last at what time. */
  private static final class Bindings {
    final AtomicInteger count = new AtomicInteger();
    final AtomicLong first = new AtomicLong();
    final AtomicLong last = new AtomicLong();
    Thread watcher;

    void await() throws InterruptedException {
      watcher.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    }
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

  private void createPod(String run, String namespace, int i) {
    api.callLean(
        "POST",
        "/api/v1/namespaces/" + namespace + "/pods",
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
  private void countBindings(String namespace, int pods, Bindings bindings) {
    Set<String> seen = new HashSet<>();
    try (InputStream stream =
            api.stream(
                "/api/v1/namespaces/"
                    + namespace
                    + "/pods?watch=true&timeoutSeconds="
                    + TIMEOUT_SECONDS);
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while (seen.size() < pods && (line = lines.readLine()) != null) {
        JsonNode pod = Api.JSON.readTree(line).path("object");
        String node = pod.path("spec").path("nodeName").asString("");
        if (!node.isEmpty() && seen.add(pod.path("metadata").path("name").asString())) {
          long now = System.nanoTime();
          bindings.first.compareAndSet(0, now);
          bindings.count.set(seen.size());
          bindings.last.set(now);
        }
      }
    } catch (Exception e) {
      System.out.println("  watch ended: " + e);
    }
  }

  private void deletePods(String namespace, int podCount) {
    // in batches: one deletecollection of thousands of pods holds the revision lock throughout
    for (String pods : CreateScenario.batches(podCount)) {
      api.send(
          "DELETE",
          "/api/v1/namespaces/"
              + namespace
              + "/"
              + pods
              + (pods.contains("?") ? "&" : "?")
              + "gracePeriodSeconds=0",
          null);
    }
    api.send("DELETE", "/api/v1/namespaces/" + namespace, null);
    System.out.println("  cleaned up " + namespace);
  }

  private void deleteNodes(String run, int nodeCount) {
    for (int batch = 0; batch <= nodeCount / CreateScenario.BATCH; batch++) {
      api.send(
          "DELETE",
          "/api/v1/nodes?labelSelector=bench-run%3D" + run + ",bench-batch%3D" + batch,
          null);
    }
    System.out.println("  deleted the nodes of " + run);
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
