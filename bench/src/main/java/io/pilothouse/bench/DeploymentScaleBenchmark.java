package io.pilothouse.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * The Deployment scale-up benchmark of issue 4 ("Performance"): prints figures, asserts nothing.
 * Against a running control plane ({@code --server}) it registers enough Ready Node objects for the
 * pods (110 each), creates a Deployment of 0 replicas selecting them, then scales it to N (default
 * 1,000) with one write of its {@code scale} subresource, and reads the namespace's pod watch: the
 * time from the patch until the ReplicaSet controller has created every pod, and until the
 * scheduler has bound every one. Start the server with {@code
 * -Dpilothouse.nodelifecycle.grace.seconds=3600} (these nodes renew no Lease). With {@code --rounds
 * N} (default 2) all of it runs N times with fresh nodes and namespace: the first round meets a
 * freshly started server's cold code, the later ones its steady state.
 *
 * <p>{@code java -cp bench/target/classes:bench/target/lib/* \
 * io.pilothouse.bench.DeploymentScaleBenchmark --server http://127.0.0.1:PORT [--replicas 1000]
 * [--rounds 2]}
 */
public final class DeploymentScaleBenchmark {

  private static final long TIMEOUT_SECONDS = 600;

  private DeploymentScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = BenchMain.options(args);
    Api api = BenchMain.api(options);
    int replicas = Integer.parseInt(options.getOrDefault("--replicas", "1000"));
    // round 1 on a freshly started server runs cold code; later rounds show its steady state
    int rounds = Integer.parseInt(options.getOrDefault("--rounds", "2"));
    BenchMain.header("Pilothouse Deployment scale-up benchmark", api);
    for (int round = 1; round <= rounds; round++) {
      System.out.printf(
          "%n#### round %d of %d%s%n", round, rounds, round == 1 ? " (cold server)" : "");
      round(api, replicas);
    }
  }

  /** Nodes, a Deployment of 0 replicas, one scale to {@code replicas}, timings, cleanup. */
  private static void round(Api api, int replicas) throws Exception {
    String run = "ds" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    int nodes = (replicas + 109) / 110 + 1;
    for (int i = 0; i < nodes; i++) {
      BenchNodes.register(api, run + "-node-" + i, "\"bench-run\":\"" + run + "\"");
    }
    api.createNamespace(run);
    api.call("POST", "/apis/apps/v1/namespaces/" + run + "/deployments", deployment(run));
    Thread.sleep(3000);
    AtomicLong created = new AtomicLong();
    AtomicLong bound = new AtomicLong();
    long[] counts = new long[2];
    Thread watcher =
        new Thread(() -> watch(api, run, replicas, created, bound, counts), "bench-watch");
    watcher.setDaemon(true);
    watcher.start();
    Thread.sleep(500);
    long start = System.nanoTime();
    api.call(
        "PUT",
        "/apis/apps/v1/namespaces/" + run + "/deployments/web/scale",
        "{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\",\"metadata\":{\"name\":\"web\","
            + "\"namespace\":\""
            + run
            + "\"},\"spec\":{\"replicas\":"
            + replicas
            + "}}");
    watcher.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    System.out.printf(
        "  %d nodes; scaled 0 -> %d: %d pods created, last %.1f s after the scale; "
            + "%d bound, last %.1f s after the scale%n",
        nodes,
        replicas,
        counts[0],
        (created.get() - start) / 1e9,
        counts[1],
        (bound.get() - start) / 1e9);
    System.out.printf(
        "SUMMARY deployment-scale replicas=%d created=%d in %.1f s bound=%d in %.1f s%n",
        replicas, counts[0], (created.get() - start) / 1e9, counts[1], (bound.get() - start) / 1e9);
    cleanup(api, run);
  }

  private static String deployment(String run) {
    return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},"
        + "\"spec\":{\"replicas\":0,\"selector\":{\"matchLabels\":{\"app\":\"bench\"}},"
        + "\"template\":{\"metadata\":{\"labels\":{\"app\":\"bench\"}},\"spec\":{"
        + "\"nodeSelector\":{\"bench-run\":\""
        + run
        + "\"},\"containers\":[{\"name\":\"c\",\"image\":\"registry.k8s.io/pause:3.10\","
        + "\"resources\":{\"requests\":{\"cpu\":\"100m\",\"memory\":\"64Mi\"}}}]}}}}";
  }

  /** Counts pods seen (created) and pods seen with a node (bound) until all are bound. */
  private static void watch(
      Api api, String run, int replicas, AtomicLong created, AtomicLong bound, long[] counts) {
    Set<String> seen = new HashSet<>();
    Set<String> boundNames = new HashSet<>();
    try (InputStream stream =
            api.stream(
                "/api/v1/namespaces/"
                    + run
                    + "/pods?watch=true&timeoutSeconds="
                    + TIMEOUT_SECONDS);
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while (boundNames.size() < replicas && (line = lines.readLine()) != null) {
        JsonNode pod = Api.JSON.readTree(line).path("object");
        String name = pod.path("metadata").path("name").asString();
        if (seen.add(name)) {
          created.set(System.nanoTime());
          counts[0] = seen.size();
        }
        if (!pod.path("spec").path("nodeName").asString("").isEmpty() && boundNames.add(name)) {
          bound.set(System.nanoTime());
          counts[1] = boundNames.size();
        }
      }
    } catch (Exception e) {
      System.out.println("  watch ended: " + e);
    }
  }

  /**
   * Deletes the run's objects and waits until they are gone, so that the next round does not share
   * the machine with this one's deletions (a deletecollection of 1,000 pods can outlast the
   * client's request timeout).
   */
  private static void cleanup(Api api, String run) throws InterruptedException {
    long start = System.nanoTime();
    api.send(
        "DELETE",
        "/apis/apps/v1/namespaces/" + run + "/deployments/web?propagationPolicy=Orphan",
        null);
    api.send(
        "DELETE",
        "/apis/apps/v1/namespaces/" + run + "/replicasets?propagationPolicy=Orphan",
        null);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline
        && api.json("GET", "/api/v1/namespaces/" + run + "/pods?limit=1", null).path("items").size()
            > 0) {
      api.send("DELETE", "/api/v1/namespaces/" + run + "/pods?gracePeriodSeconds=0", null);
      Thread.sleep(1000);
    }
    api.send("DELETE", "/api/v1/namespaces/" + run, null);
    while (System.nanoTime() < deadline
        && api.send("GET", "/api/v1/namespaces/" + run, null).statusCode() != 404) {
      Thread.sleep(1000);
    }
    api.send("DELETE", "/api/v1/nodes?labelSelector=bench-run%3D" + run, null);
    System.out.printf("  cleaned up %s in %.1f s%n", run, (System.nanoTime() - start) / 1e9);
  }
}
