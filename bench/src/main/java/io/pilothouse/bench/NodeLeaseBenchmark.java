package io.pilothouse.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * The node heartbeat benchmark of issue 5 (node agents): prints figures, asserts nothing. Target:
 * 5,000 simulated nodes renewing their Leases every 10 s (500 writes/s) held for 10 minutes, Lease
 * update p99 ≤ 100 ms, the event log bounded, server and agent heap recorded.
 *
 * <p>It starts {@code --agents} simulated node agents ({@code --runtime simulated --simulate-nodes
 * N/K --no-proxy}, {@code -Xmx} {@code --agent-heap}) as child processes ({@link NodeAgents}) and
 * watches {@code kube-node-lease} from before they register. For every MODIFIED event of one of its
 * Leases: latency = the wall-clock time the event's line was read minus the event object's {@code
 * spec.renewTime} (a MicroTime the agent sets just before it sends the update). That is the write
 * plus the watch delivery: an upper bound on the write's own latency. Once all Leases exist (or
 * {@code --register-minutes} passed) it measures for {@code --minutes} and prints per minute:
 * renewals seen/s, p50/p99/max latency, Leases older than 40 s (the node would go NotReady), Nodes
 * Ready (a paged LIST), the store revision rate, the H2 database's size on disk (the server exposes
 * no metric of its event log over HTTP), the server's and the agents' CPU, new agent warnings, and
 * the load. Heap ({@code jcmd GC.heap_info}, live set after {@code GC.run}) of the server (pid from
 * {@code bench/target/control-plane/run/control-plane.pid}) and the agents at start and end. The
 * server runs with default settings: the Leases are real, so the node lifecycle controller judges
 * the nodes as it would in production.
 *
 * <p>{@code bench/run --main io.pilothouse.bench.NodeLeaseBenchmark [--nodes 5000] [--minutes 10]
 * [--agents 1] [--agent-heap 1g] [--register-minutes 15] [--agent-jar F]}
 */
public final class NodeLeaseBenchmark {

  private static final String LEASES =
      "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases";

  private final Api api;
  private final String run = "nl" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
  private final Map<String, Instant> renewed = new ConcurrentHashMap<>();
  private final AtomicLong renewals = new AtomicLong();
  private final List<Long> window = new ArrayList<>();
  private final List<Long> all = new ArrayList<>();
  private volatile boolean measuring;

  private NodeLeaseBenchmark(Api api) {
    this.api = api;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = BenchMain.options(args);
    Api api = BenchMain.api(options);
    BenchMain.header("Pilothouse node Lease benchmark (issue 5)", api);
    new NodeLeaseBenchmark(api).run(options);
  }

  private void run(Map<String, String> options) throws Exception {
    int nodes = Integer.parseInt(options.getOrDefault("--nodes", "5000"));
    int minutes = Integer.parseInt(options.getOrDefault("--minutes", "10"));
    int agentCount = Integer.parseInt(options.getOrDefault("--agents", "1"));
    String heap = options.getOrDefault("--agent-heap", "1g");
    int registerMinutes = Integer.parseInt(options.getOrDefault("--register-minutes", "15"));
    long serverPid = NodeAgents.serverPid();
    Path data = NodeAgents.repo().resolve("bench/target/control-plane/data");
    System.out.printf(
        "%n== %d simulated nodes in %d agent process(es), -Xmx%s each, %d min (run %s)%n",
        nodes, agentCount, heap, minutes, run);
    System.out.printf(
        "  server pid %d, heap before the agents: %s; live after full GC: %s; DB %.1f MiB%n",
        serverPid,
        NodeAgents.heap(serverPid, false),
        NodeAgents.heap(serverPid, true),
        mib(NodeAgents.size(data)));
    WatchStream watch =
        new WatchStream(
                api,
                LEASES,
                (nanos, at, type, lease) -> {
                  String name = lease.path("metadata").path("name").asString("");
                  if (!name.startsWith(run)) {
                    return;
                  }
                  String text = lease.path("spec").path("renewTime").asString("");
                  if (text.isEmpty()) {
                    return;
                  }
                  Instant renewTime = OffsetDateTime.parse(text).toInstant();
                  renewed.put(name, renewTime);
                  if (type.equals("MODIFIED")) {
                    renewals.incrementAndGet();
                    if (measuring) {
                      long micros = Duration.between(renewTime, at).toNanos() / 1000;
                      synchronized (window) {
                        window.add(micros);
                      }
                    }
                  }
                })
            .start();
    try (NodeAgents agents = new NodeAgents(options.get("--agent-jar"), api.server(), run)) {
      long t = System.nanoTime();
      for (int k = 1; k <= agentCount; k++) {
        int share = nodes / agentCount + (k <= nodes % agentCount ? 1 : 0);
        agents.start(
            agentCount == 1 ? run : run + "-a" + k,
            List.of("-Xmx" + heap),
            List.of(
                "--runtime",
                "simulated",
                "--simulate-nodes",
                Integer.toString(share),
                "--kubelet-port",
                Integer.toString(NodeAgents.freePort("127.0.0.1")),
                "--node-labels",
                "bench-run=" + run,
                "--no-proxy"));
      }
      waitForLeases(agents, nodes, registerMinutes, serverPid, t);
      System.out.printf(
          "  start of measurement: server heap %s (live after full GC: %s)%n",
          NodeAgents.heap(serverPid, false), NodeAgents.heap(serverPid, true));
      for (NodeAgents.Agent a : agents.agents()) {
        System.out.printf(
            "  start of measurement: agent %s heap %s (live after full GC: %s)%n",
            a.name(), NodeAgents.heap(a.pid(), false), NodeAgents.heap(a.pid(), true));
      }
      measure(agents, nodes, minutes, serverPid, data);
      System.out.printf(
          "%n  end: server heap %s (live after full GC: %s)%n",
          NodeAgents.heap(serverPid, false), NodeAgents.heap(serverPid, true));
      for (NodeAgents.Agent a : agents.agents()) {
        System.out.printf(
            "  end: agent %s heap %s (live after full GC: %s)%n",
            a.name(), NodeAgents.heap(a.pid(), false), NodeAgents.heap(a.pid(), true));
      }
      watch.stop();
      agents.printWarnings();
    }
    System.out.println("  load at the end: " + BenchMain.load());
  }

  private void waitForLeases(
      NodeAgents agents, int nodes, int registerMinutes, long serverPid, long started)
      throws InterruptedException {
    long deadline = started + TimeUnit.MINUTES.toNanos(registerMinutes);
    double serverCpu = NodeAgents.cpuSeconds(serverPid);
    long last = System.nanoTime();
    while (renewed.size() < nodes && System.nanoTime() < deadline) {
      agents.checkAlive();
      Thread.sleep(1000);
      if (System.nanoTime() - last >= TimeUnit.SECONDS.toNanos(30)) {
        double cpu = NodeAgents.cpuSeconds(serverPid);
        System.out.printf(
            "  registering: %d of %d Leases after %.0f s; server CPU %.0f %%, load %s%n",
            renewed.size(),
            nodes,
            (System.nanoTime() - started) / 1e9,
            100 * (cpu - serverCpu) / ((System.nanoTime() - last) / 1e9),
            BenchMain.load());
        serverCpu = cpu;
        last = System.nanoTime();
      }
    }
    System.out.printf(
        "  %d of %d Leases exist %.1f s after the agents started (registration)%n",
        renewed.size(), nodes, (System.nanoTime() - started) / 1e9);
  }

  private void measure(NodeAgents agents, int nodes, int minutes, long serverPid, Path data)
      throws InterruptedException {
    Stats.Table table =
        new Stats.Table(
            "Lease renewals per minute, "
                + nodes
                + " nodes (latency = watch line read - spec.renewTime: write + watch delivery)",
            "min",
            "renewals/s",
            "p50 ms",
            "p99 ms",
            "max ms",
            "stale>40s",
            "no Lease",
            "Ready",
            "LIST ms",
            "revisions/s",
            "DB MiB",
            "server CPU%",
            "agent CPU%",
            "agent warn",
            "load");
    long start = System.nanoTime();
    long previous = start;
    long previousRenewals = renewals.get();
    long previousRevision = revision();
    double previousServerCpu = NodeAgents.cpuSeconds(serverPid);
    double previousAgentCpu = agentCpu(agents);
    int previousWarnings = agentWarnings(agents);
    int maxStale = 0;
    int minReady = Integer.MAX_VALUE;
    double dbStart = mib(NodeAgents.size(data));
    double dbMax = dbStart;
    measuring = true;
    for (int minute = 1; minute <= minutes; minute++) {
      long due = start + TimeUnit.MINUTES.toNanos(minute);
      while (System.nanoTime() < due) {
        agents.checkAlive();
        Thread.sleep(Math.min(1000, Math.max(1, (due - System.nanoTime()) / 1_000_000)));
      }
      long now = System.nanoTime();
      long[] samples;
      synchronized (window) {
        samples = window.stream().mapToLong(Long::longValue).toArray();
        all.addAll(window);
        window.clear();
      }
      long seen = renewals.get();
      Instant limit = Instant.now().minusSeconds(40);
      int stale = (int) renewed.values().stream().filter(r -> r.isBefore(limit)).count();
      int missing = nodes - renewed.size();
      long listStart = System.nanoTime();
      long[] readyAndRevision = readyNodes();
      double listMillis = (System.nanoTime() - listStart) / 1e6;
      double serverCpu = NodeAgents.cpuSeconds(serverPid);
      double agentCpu = agentCpu(agents);
      int warnings = agentWarnings(agents);
      double seconds = (now - previous) / 1e9;
      double db = mib(NodeAgents.size(data));
      for (int i = 0; i < samples.length; i++) {
        samples[i] *= 1000; // micros -> nanos for Stats
      }
      Stats.Latency l = Stats.Latency.of(samples);
      table.row(
          minute,
          Stats.f0((seen - previousRenewals) / seconds),
          Stats.f1(l.p50()),
          Stats.f1(l.p99()),
          Stats.f0(l.max()),
          stale,
          missing,
          readyAndRevision[0],
          Stats.f0(listMillis),
          Stats.f0(
              (readyAndRevision[1] - previousRevision)
                  / ((now - previous) / 1e9 + listMillis / 1e3)),
          Stats.f1(db),
          Stats.f0(100 * (serverCpu - previousServerCpu) / seconds),
          Stats.f0(100 * (agentCpu - previousAgentCpu) / seconds),
          warnings - previousWarnings,
          BenchMain.load());
      System.out.printf(
          "  minute %d: %.0f renewals/s, p50 %.1f ms, p99 %.1f ms, max %.0f ms, stale %d, no Lease"
              + " %d, Ready %d, DB %.1f MiB, load %s%n",
          minute,
          (seen - previousRenewals) / seconds,
          l.p50(),
          l.p99(),
          l.max(),
          stale,
          missing,
          readyAndRevision[0],
          db,
          BenchMain.load());
      maxStale = Math.max(maxStale, stale + missing);
      minReady = (int) Math.min(minReady, readyAndRevision[0]);
      dbMax = Math.max(dbMax, db);
      previous = now;
      previousRenewals = seen;
      previousRevision = readyAndRevision[1];
      previousServerCpu = serverCpu;
      previousAgentCpu = agentCpu;
      previousWarnings = warnings;
    }
    measuring = false;
    table.print();
    long[] nanos = all.stream().mapToLong(micros -> micros * 1000).toArray();
    Stats.Latency total = Stats.Latency.of(nanos);
    double rate = total.count() / ((System.nanoTime() - start) / 1e9);
    double db = mib(NodeAgents.size(data));
    System.out.printf(
        "%n  over %d min: %d renewals seen (%.0f/s of %.0f/s expected), p50 %.1f ms, p90 %.1f"
            + " ms, p99 %.1f ms, max %.0f ms; worst minute: %d nodes stale or without Lease,"
            + " fewest Ready %d; DB %.1f -> %.1f MiB (max %.1f)%n",
        minutes,
        total.count(),
        rate,
        nodes / 10.0,
        total.p50(),
        total.p90(),
        total.p99(),
        total.max(),
        maxStale,
        minReady,
        dbStart,
        db,
        dbMax);
    Stats.summary(
        "node leases nodes=" + nodes + " minutes=" + minutes,
        "lease update (write + watch delivery) p99 "
            + Stats.f1(total.p99())
            + " ms, "
            + Stats.f0(rate)
            + " renewals/s of "
            + Stats.f0(nodes / 10.0)
            + ", worst minute "
            + maxStale
            + " nodes stale, DB "
            + Stats.f1(dbStart)
            + " -> "
            + Stats.f1(db)
            + " MiB, load "
            + BenchMain.load(),
        "p99 <= 100 ms, every node renewing",
        total.p99() <= 100 && maxStale == 0 && rate >= 0.95 * nodes / 10.0);
  }

  /** Ready Nodes of this run (a LIST in pages of 500) and the store revision of the first page. */
  private long[] readyNodes() {
    long ready = 0;
    long revision = -1;
    String token = "";
    try {
      do {
        JsonNode page =
            api.json(
                "GET",
                "/api/v1/nodes?limit=500&labelSelector=bench-run%3D"
                    + run
                    + (token.isEmpty()
                        ? ""
                        : "&continue=" + URLEncoder.encode(token, StandardCharsets.UTF_8)),
                null);
        if (revision < 0) {
          revision = Long.parseLong(page.path("metadata").path("resourceVersion").asString("0"));
        }
        for (JsonNode node : page.path("items")) {
          for (JsonNode c : node.path("status").path("conditions")) {
            if ("Ready".equals(c.path("type").asString(""))
                && "True".equals(c.path("status").asString(""))) {
              ready++;
            }
          }
        }
        token = page.path("metadata").path("continue").asString("");
      } while (!token.isEmpty());
    } catch (RuntimeException e) {
      System.out.println("  node LIST failed: " + e.getMessage());
    }
    return new long[] {ready, revision};
  }

  private long revision() {
    return Long.parseLong(
        api.json("GET", "/api/v1/namespaces?limit=1", null)
            .path("metadata")
            .path("resourceVersion")
            .asString("0"));
  }

  private static double agentCpu(NodeAgents agents) {
    return agents.agents().stream().mapToDouble(a -> NodeAgents.cpuSeconds(a.pid())).sum();
  }

  private static int agentWarnings(NodeAgents agents) {
    return agents.agents().stream()
        .mapToInt(
            a -> NodeAgents.warnings(a.log()).values().stream().mapToInt(Integer::intValue).sum())
        .sum();
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
