package io.pilothouse.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;

/**
 * The pod startup latency benchmark of issue 5 (node agents): prints figures, asserts nothing.
 * Upstream's SLO: pod startup latency p99 ≤ 5 s; the goal here: p99 ≤ 2 s for 100 pods on 2 process
 * nodes, and for 1,000 pods on 100 simulated nodes.
 *
 * <p>Per mode it starts its node agents as child processes ({@link NodeAgents}), labelled {@code
 * bench-run=<run>}, waits until their Nodes are Ready, and runs two batches on them: a warm-up
 * batch ({@code --warmup-pods}, default as many as measured; 0 skips it), reported but not the
 * figure, because a freshly started agent JVM handles its first pods with cold code, as a
 * long-running node would not; then the measured batch. Per batch it opens a raw watch on the
 * batch's namespace, then creates the pods (busybox {@code sleep 3600}, 10m CPU / 16 Mi requests, a
 * nodeSelector on the run's label), paced open loop at {@code --rate} pods/s by 8 senders (or
 * closed loop with {@code --clients} when {@code --rate 0}). Per pod: the time just before its
 * create request was sent, and the times the watch first showed {@code spec.nodeName} (scheduled),
 * {@code status.phase: Running} (upstream's SLI is "pod running": the figure) and the Ready
 * condition True (for reference); watch lines are time-stamped when read. Then it deletes the pods,
 * waits until the agents have stopped them and the kubelets removed them, and deletes the
 * namespace; at the end it stops the agents and deletes their Nodes.
 *
 * <p>{@code bench/run --main io.pilothouse.bench.PodStartupBenchmark [--mode
 * process|simulated|both] [--rounds 1] [--nodes N] [--pods N] [--warmup-pods N] [--rate 10]
 * [--clients 4] [--agent-jar F] [--agent-java-opts "OPTS"]}, {@code --rounds} repeating the whole
 * measurement on the same server; {@code --nodes/--pods} apply to a single {@code --mode}
 * (defaults: process 2 nodes, 100 pods; simulated 100 nodes, 1,000 pods).
 */
public final class PodStartupBenchmark {

  private static final int SENDERS = 8;

  private final Api api;
  private final Map<String, String> options;

  private PodStartupBenchmark(Api api, Map<String, String> options) {
    this.api = api;
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = BenchMain.options(args);
    Api api = BenchMain.api(options);
    BenchMain.header("Pilothouse pod startup latency benchmark (issue 5)", api);
    PodStartupBenchmark bench = new PodStartupBenchmark(api, options);
    String mode = options.getOrDefault("--mode", "both");
    // round 1 on a freshly started server runs cold code (the JIT has seen none of the kubelet's
    // or the scheduler's calls yet); later rounds show the server in its steady state
    int rounds = Integer.parseInt(options.getOrDefault("--rounds", "1"));
    for (int round = 1; round <= rounds; round++) {
      System.out.printf("%n#### round %d of %d%n", round, rounds);
      if (mode.equals("both")) {
        bench.run("process", 2, 100);
        bench.run("simulated", 100, 1000);
      } else {
        int nodes =
            Integer.parseInt(options.getOrDefault("--nodes", mode.equals("process") ? "2" : "100"));
        int pods =
            Integer.parseInt(
                options.getOrDefault("--pods", mode.equals("process") ? "100" : "1000"));
        bench.run(mode, nodes, pods);
      }
    }
    System.out.println("\nload at the end: " + BenchMain.load());
  }

  /** Per pod: nanoTime before the create was sent, after its reply, and first seen states. */
  private static final class Times {
    volatile long sent;
    volatile long created;
    volatile long scheduled;
    volatile long running;
    volatile long ready;
  }

  private void run(String mode, int nodes, int pods) throws Exception {
    String run = "ps" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    System.out.printf(
        "%n== %s mode: %d nodes, %d pods (run %s), load %s%n",
        mode, nodes, pods, run, BenchMain.load());
    try (NodeAgents agents = new NodeAgents(options.get("--agent-jar"), api.server(), run)) {
      long t = System.nanoTime();
      startAgents(agents, mode, run, nodes);
      waitForReadyNodes(agents, run, nodes);
      System.out.printf("  %d nodes Ready %.1f s after the agents started%n", nodes, secs(t));
      int warmup = Integer.parseInt(options.getOrDefault("--warmup-pods", Integer.toString(pods)));
      if (warmup > 0) {
        System.out.printf(
            "%n  -- warm-up batch: %d pods on the fresh agents (a cold JVM's first pods; not the"
                + " measurement) --%n",
            warmup);
        batch(agents, mode, nodes, run, run + "-warm", warmup, false);
        System.out.printf("%n  -- measured batch: %d pods --%n", pods);
      }
      batch(agents, mode, nodes, run, run + "-pods", pods, true);
      agents.printWarnings();
      cleanup(agents, run);
    }
  }

  /**
   * One batch: {@code pods} pods created in {@code namespace} on the run's nodes, their startup
   * timed through a watch and reported, then deleted gracefully with the namespace.
   */
  private void batch(
      NodeAgents agents,
      String mode,
      int nodes,
      String run,
      String namespace,
      int pods,
      boolean measured)
      throws Exception {
    int rate = Integer.parseInt(options.getOrDefault("--rate", "10"));
    int clients = Integer.parseInt(options.getOrDefault("--clients", "4"));
    api.createNamespace(namespace);
    Map<String, Times> times = new ConcurrentHashMap<>();
    for (int i = 0; i < pods; i++) {
      times.put("p-" + i, new Times());
    }
    AtomicInteger running = new AtomicInteger();
    WatchStream watch =
        new WatchStream(
                api,
                "/api/v1/namespaces/" + namespace + "/pods",
                (nanos, at, type, pod) -> {
                  Times p = times.get(pod.path("metadata").path("name").asString(""));
                  if (p == null) {
                    return;
                  }
                  if (p.scheduled == 0
                      && !pod.path("spec").path("nodeName").asString("").isEmpty()) {
                    p.scheduled = nanos;
                  }
                  if (p.running == 0
                      && "Running".equals(pod.path("status").path("phase").asString(""))) {
                    p.running = nanos;
                    running.incrementAndGet();
                  }
                  if (p.ready == 0 && ready(pod)) {
                    p.ready = nanos;
                  }
                })
            .start();
    Thread.sleep(500);
    String pacing =
        rate > 0
            ? "paced open loop at " + rate + " pods/s (" + SENDERS + " senders)"
            : "closed loop, " + clients + " clients";
    System.out.println("  creating " + pods + " pods, " + pacing + ", load " + BenchMain.load());
    long start = System.nanoTime();
    AtomicInteger failures = new AtomicInteger();
    create(run, namespace, pods, rate, clients, times, failures);
    double createSeconds = secs(start);
    System.out.printf(
        "  created %d pods in %.1f s (%.1f/s achieved), %d failed; load %s%n",
        pods - failures.get(),
        createSeconds,
        pods / createSeconds,
        failures.get(),
        BenchMain.load());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    int expected = pods - failures.get();
    while (running.get() < expected && System.nanoTime() < deadline) {
      agents.checkAlive();
      Thread.sleep(200);
    }
    System.out.printf(
        "  %d/%d pods seen Running %.1f s after the first create; load %s%n",
        running.get(), expected, secs(start), BenchMain.load());
    report(mode, nodes, pods, pacing, times, measured);
    watch.stop();
    deletePods(namespace);
  }

  private void startAgents(NodeAgents agents, String mode, String run, int nodes) {
    String heap = options.getOrDefault("--agent-heap", mode.equals("process") ? "256m" : "512m");
    List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap));
    String extra = options.getOrDefault("--agent-java-opts", "");
    if (!extra.isBlank()) {
      jvm.addAll(List.of(extra.trim().split("\\s+")));
    }
    if (mode.equals("process")) {
      for (int i = 1; i <= nodes; i++) {
        String ip = "127.0.1." + i;
        agents.start(
            run + "-node-" + i,
            jvm,
            List.of(
                "--node-ip",
                ip,
                "--kubelet-port",
                Integer.toString(NodeAgents.freePort(ip)),
                "--pod-cidr",
                "127.201." + i + ".0/24",
                "--node-labels",
                "bench-run=" + run,
                "--no-proxy"));
      }
    } else {
      agents.start(
          run + "-sim",
          jvm,
          List.of(
              "--runtime",
              "simulated",
              "--simulate-nodes",
              Integer.toString(nodes),
              "--kubelet-port",
              Integer.toString(NodeAgents.freePort("127.0.0.1")),
              "--node-labels",
              "bench-run=" + run,
              "--no-proxy"));
    }
  }

  private void waitForReadyNodes(NodeAgents agents, String run, int nodes) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    int ready = 0;
    while (System.nanoTime() < deadline) {
      agents.checkAlive();
      JsonNode list =
          api.json("GET", "/api/v1/nodes?labelSelector=bench-run%3D" + run, null).path("items");
      ready = 0;
      for (JsonNode node : list) {
        for (JsonNode c : node.path("status").path("conditions")) {
          if ("Ready".equals(c.path("type").asString(""))
              && "True".equals(c.path("status").asString(""))) {
            ready++;
          }
        }
      }
      if (ready >= nodes) {
        return;
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("only " + ready + " of " + nodes + " nodes Ready after 300 s");
  }

  private void create(
      String run,
      String namespace,
      int pods,
      int rate,
      int clients,
      Map<String, Times> times,
      AtomicInteger failures)
      throws InterruptedException {
    ExecutorService senders = Executors.newFixedThreadPool(rate > 0 ? SENDERS : clients);
    AtomicInteger next = new AtomicInteger();
    Runnable one =
        () -> {
          int i = next.getAndIncrement();
          if (i >= pods) {
            return;
          }
          Times p = times.get("p-" + i);
          p.sent = System.nanoTime();
          try {
            api.call("POST", "/api/v1/namespaces/" + namespace + "/pods", pod(run, i));
            p.created = System.nanoTime();
          } catch (RuntimeException e) {
            p.sent = 0;
            if (failures.incrementAndGet() <= 3) {
              System.out.println("  create failed: " + e.getMessage());
            }
          }
        };
    if (rate > 0) {
      long interval = 1_000_000_000L / rate;
      long t0 = System.nanoTime();
      for (int i = 0; i < pods; i++) {
        long wait;
        while ((wait = t0 + i * interval - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        senders.execute(one);
      }
    } else {
      for (int c = 0; c < clients; c++) {
        senders.execute(
            () -> {
              while (next.get() < pods) {
                one.run();
              }
            });
      }
    }
    senders.shutdown();
    senders.awaitTermination(30, TimeUnit.MINUTES);
  }

  private static String pod(String run, int i) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p-"
        + i
        + "\",\"labels\":{\"app\":\"startup-bench\"}},\"spec\":{\"nodeSelector\":{\"bench-run\":\""
        + run
        + "\"},\"terminationGracePeriodSeconds\":5,"
        + "\"containers\":[{\"name\":\"c\",\"image\":\"busybox\","
        + "\"command\":[\"sleep\",\"3600\"],"
        + "\"resources\":{\"requests\":{\"cpu\":\"10m\",\"memory\":\"16Mi\"}}}]}}";
  }

  private static boolean ready(JsonNode pod) {
    for (JsonNode c : pod.path("status").path("conditions")) {
      if ("Ready".equals(c.path("type").asString(""))
          && "True".equals(c.path("status").asString(""))) {
        return true;
      }
    }
    return false;
  }

  private void report(
      String mode, int nodes, int pods, String pacing, Map<String, Times> times, boolean measured) {
    List<Long> total = new ArrayList<>();
    List<Long> request = new ArrayList<>();
    List<Long> toScheduled = new ArrayList<>();
    List<Long> toRunning = new ArrayList<>();
    List<Long> toReady = new ArrayList<>();
    int notRunning = 0;
    for (Times p : times.values()) {
      if (p.sent == 0) {
        continue;
      }
      if (p.created != 0) {
        request.add(p.created - p.sent);
      }
      if (p.scheduled != 0) {
        toScheduled.add(p.scheduled - p.sent);
      }
      if (p.running == 0) {
        notRunning++;
        continue;
      }
      total.add(p.running - p.sent);
      if (p.scheduled != 0) {
        toRunning.add(p.running - p.scheduled);
      }
      if (p.ready != 0) {
        toReady.add(p.ready - p.sent);
      }
    }
    Stats.Latency l = Stats.Latency.of(total);
    Stats.Table table =
        new Stats.Table(
            "Pod startup, "
                + mode
                + " mode, "
                + nodes
                + " nodes, "
                + pods
                + " pods, "
                + pacing
                + " (ms; watch lines time-stamped when read)",
            "interval",
            "count",
            "p50",
            "p90",
            "p99",
            "max");
    row(table, "create -> Running (phase, the SLI)", l);
    row(table, "create request (send -> reply)", Stats.Latency.of(request));
    row(table, "create -> scheduled (nodeName seen)", Stats.Latency.of(toScheduled));
    row(table, "scheduled -> Running", Stats.Latency.of(toRunning));
    row(table, "create -> Ready condition (ref.)", Stats.Latency.of(toReady));
    table.print();
    byCreationOrder(pods, times);
    if (notRunning > 0) {
      System.out.println("  " + notRunning + " created pods were never seen Running");
    }
    if (!measured) {
      System.out.printf(
          "  warm-up: create -> Running p50 %s ms, p99 %s ms (cold agents)%n",
          Stats.f0(l.p50()), Stats.f0(l.p99()));
      return;
    }
    Stats.summary(
        "pod startup " + mode + " nodes=" + nodes + " pods=" + pods,
        "create -> Running p50 "
            + Stats.f0(l.p50())
            + " ms, p99 "
            + Stats.f0(l.p99())
            + " ms, max "
            + Stats.f0(l.max())
            + " ms over "
            + l.count()
            + " pods, load "
            + BenchMain.load(),
        "p99 <= 2000 ms (upstream SLO 5 s)",
        l.p99() <= 2000 && notRunning == 0);
  }

  /**
   * create -> scheduled and create -> Running p50 per tenth of the pods in creation order: flat
   * when the delay is a steady queue, rising when a backlog builds up during the run.
   */
  private static void byCreationOrder(int pods, Map<String, Times> times) {
    Stats.Table table =
        new Stats.Table(
            "By creation order (p50 ms per tenth of the pods)",
            "pods",
            "create -> scheduled",
            "scheduled -> Running",
            "create -> Running");
    int tenth = Math.max(1, pods / 10);
    for (int from = 0; from < pods; from += tenth) {
      List<Long> scheduled = new ArrayList<>();
      List<Long> running = new ArrayList<>();
      List<Long> total = new ArrayList<>();
      for (int i = from; i < Math.min(pods, from + tenth); i++) {
        Times p = times.get("p-" + i);
        if (p.sent != 0 && p.scheduled != 0) {
          scheduled.add(p.scheduled - p.sent);
          if (p.running != 0) {
            running.add(p.running - p.scheduled);
            total.add(p.running - p.sent);
          }
        }
      }
      table.row(
          "p-" + from + "..p-" + (Math.min(pods, from + tenth) - 1),
          Stats.f0(Stats.Latency.of(scheduled).p50()),
          Stats.f0(Stats.Latency.of(running).p50()),
          Stats.f0(Stats.Latency.of(total).p50()));
    }
    table.print();
  }

  private static void row(Stats.Table table, String name, Stats.Latency l) {
    table.row(
        name,
        l.count(),
        Stats.f0(l.p50()),
        Stats.f0(l.p90()),
        Stats.f0(l.p99()),
        Stats.f0(l.max()));
  }

  /**
   * Deletes a batch's pods gracefully, waits until the kubelets removed them, then the namespace.
   */
  private void deletePods(String namespace) throws InterruptedException {
    long start = System.nanoTime();
    api.send("DELETE", "/api/v1/namespaces/" + namespace + "/pods", null);
    int left = -1;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      left =
          api.json("GET", "/api/v1/namespaces/" + namespace + "/pods", null).path("items").size();
      if (left == 0) {
        break;
      }
      Thread.sleep(1000);
    }
    System.out.printf(
        "  cleanup: pods deleted gracefully, %s after %.1f s%n",
        left == 0 ? "all stopped and removed by the kubelets" : left + " still present",
        secs(start));
    api.deleteNamespace(namespace);
  }

  private void cleanup(NodeAgents agents, String run) throws InterruptedException {
    agents.stopAll();
    api.send("DELETE", "/api/v1/nodes?labelSelector=bench-run%3D" + run, null);
    System.out.println("  cleanup: agents stopped, their Nodes deleted");
  }

  private static double secs(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
