package io.pilothouse.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's budgets (issue 6): server time to render the pods page (first page of 50) with
 * 10,000 pods present and the nodes page with 500 nodes (each ≤ 300 ms), and the time from a commit
 * to the change reaching an open page over the Faces WebSocket (≤ 1 s). Fills a running server
 * through the API, measures over loopback HTTP (so the figure is server time plus a loopback round
 * trip) and prints figures; it asserts nothing. The nodes' Leases are renewed every 10 s throughout
 * ({@link LeaseRenewals}, 50 writes/s for 500 nodes), as in a healthy cluster of that size, and the
 * pages are measured after the fill has settled for 15 s.
 *
 * <p>Run: {@code java -cp bench.jar io.pilothouse.bench.DashboardBenchmark --server
 * http://127.0.0.1:PORT [--pods 10000] [--nodes 500] [--samples 20]}.
 */
public final class DashboardBenchmark {

  private static final String NAMESPACE = "bench-dashboard";
  private static final int SETTLE_SECONDS = 15;
  private static final Pattern PUSH_URL = Pattern.compile("(/jakarta\\.faces\\.push/[^'\"]+)");

  private DashboardBenchmark() {}

  public static void main(String[] args) throws Exception {
    String server = option(args, "--server", "http://127.0.0.1:8080");
    int pods = Integer.parseInt(option(args, "--pods", "10000"));
    int nodes = Integer.parseInt(option(args, "--nodes", "500"));
    int samples = Integer.parseInt(option(args, "--samples", "20"));
    Api api = new Api(server);
    List<String> nodeNames = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      nodeNames.add(String.format("bench-node-%04d", i));
    }
    fill(api, nodeNames, Map.of());
    try (LeaseRenewals leases = LeaseRenewals.start(api, nodeNames)) {
      fill(api, List.of(), podsOn(nodeNames, pods));
      System.out.printf("settling %d s (controllers catch up with the fill)%n", SETTLE_SECONDS);
      Thread.sleep(SETTLE_SECONDS * 1000L);
      Stats.Latency podsPage = render(api, "/dashboard/pods.xhtml", samples);
      Stats.Latency nodesPage = render(api, "/dashboard/nodes.xhtml", samples);
      Stats.Latency push = pushLatency(api, server, samples);
      System.out.println("background while measuring: " + leases.summary());
      report(pods, nodes, podsPage, nodesPage, push);
    }
  }

  private static void report(
      int pods, int nodes, Stats.Latency podsPage, Stats.Latency nodesPage, Stats.Latency push) {
    System.out.printf(
        "pods page (%d pods, first 50): p50 %s ms, p90 %s ms%n",
        pods, Stats.f1(podsPage.p50()), Stats.f1(podsPage.p90()));
    System.out.printf(
        "nodes page (%d nodes, first 50): p50 %s ms, p90 %s ms%n",
        nodes, Stats.f1(nodesPage.p50()), Stats.f1(nodesPage.p90()));
    System.out.printf(
        "commit to WebSocket message: p50 %s ms, p90 %s ms%n",
        Stats.f1(push.p50()), Stats.f1(push.p90()));
    Stats.summary(
        "dashboard-pods-page", Stats.f1(podsPage.p50()) + " ms", "300 ms", podsPage.p50() <= 300);
    Stats.summary(
        "dashboard-nodes-page",
        Stats.f1(nodesPage.p50()) + " ms",
        "300 ms",
        nodesPage.p50() <= 300);
    Stats.summary("dashboard-push", Stats.f1(push.p50()) + " ms", "1000 ms", push.p50() <= 1000);
  }

  /** Pod name to node name, round robin ({@code nodeName} empty when there are no nodes). */
  private static Map<String, String> podsOn(List<String> nodes, int pods) {
    Map<String, String> placement = new LinkedHashMap<>();
    for (int i = 0; i < pods; i++) {
      placement.put(
          String.format("bench-pod-%05d", i), nodes.isEmpty() ? "" : nodes.get(i % nodes.size()));
    }
    return placement;
  }

  /** Creates the namespace, the nodes and the pods (8 writers), skipping what exists. */
  private static void fill(Api api, List<String> nodes, Map<String, String> pods)
      throws InterruptedException {
    if (api.send("GET", "/api/v1/namespaces/" + NAMESPACE, null).statusCode() == 404) {
      api.createNamespace(NAMESPACE);
    }
    ExecutorService writers = Executors.newFixedThreadPool(8);
    long start = System.nanoTime();
    for (String name : nodes) {
      writers.submit(() -> createQuietly(api, "/api/v1/nodes", node(name)));
    }
    pods.forEach(
        (name, node) ->
            writers.submit(
                () ->
                    createQuietly(
                        api, "/api/v1/namespaces/" + NAMESPACE + "/pods", pod(name, node))));
    writers.shutdown();
    writers.awaitTermination(2, TimeUnit.HOURS);
    System.out.printf(
        "filled %d nodes and %d pods in %s s%n",
        nodes.size(), pods.size(), Stats.f1((System.nanoTime() - start) / 1e9));
  }

  private static void createQuietly(Api api, String path, String body) {
    int code = api.send("POST", path, body).statusCode();
    if (code != 201 && code != 409) {
      System.err.println("POST " + path + " -> " + code);
    }
  }

  private static String node(String name) {
    return """
        {"apiVersion":"v1","kind":"Node","metadata":{"name":"%s"},
         "status":{"allocatable":{"cpu":"8","memory":"16Gi","pods":"110"},
          "capacity":{"cpu":"8","memory":"16Gi","pods":"110"},
          "conditions":[{"type":"Ready","status":"True"}]}}
        """
        .formatted(name);
  }

  private static String pod(String name, String node) {
    return """
        {"metadata":{"name":"%s","labels":{"app":"bench"}},
         "spec":{"nodeName":"%s","containers":[{"name":"main","image":"busybox",
          "resources":{"requests":{"cpu":"100m","memory":"64Mi"}}}]}}
        """
        .formatted(name, node);
  }

  /** Full GET of a page (first render, including the lazy table's first page), after warm-up. */
  private static Stats.Latency render(Api api, String path, int samples) {
    for (int i = 0; i < 3; i++) {
      api.call("GET", path, null);
    }
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      api.call("GET", path, null);
      nanos.add(System.nanoTime() - start);
    }
    return Stats.Latency.of(nanos);
  }

  /**
   * Opens the pods page's push channel as the browser does, then creates pods and times each until
   * the channel says "pods" (the page's table refresh follows as one ajax request).
   */
  private static Stats.Latency pushLatency(Api api, String server, int samples) throws Exception {
    String page = api.call("GET", "/dashboard/pods.xhtml", null);
    Matcher url = PUSH_URL.matcher(page);
    if (!url.find()) {
      throw new IllegalStateException("the pods page opens no push channel");
    }
    LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
    WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                URI.create(server.replaceFirst("^http", "ws") + url.group(1)),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(
                      WebSocket webSocket, CharSequence data, boolean last) {
                    messages.add(data.toString());
                    webSocket.request(1);
                    return CompletableFuture.completedFuture(null);
                  }
                })
            .get(10, TimeUnit.SECONDS);
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      Thread.sleep(300);
      messages.clear();
      long start = System.nanoTime();
      api.call(
          "POST",
          "/api/v1/namespaces/" + NAMESPACE + "/pods",
          pod("push-" + System.nanoTime(), ""));
      while (true) {
        String message = messages.poll(5, TimeUnit.SECONDS);
        if (message == null) {
          throw new IllegalStateException("no push within 5 s");
        }
        if (message.contains("pods")) {
          break;
        }
      }
      nanos.add(System.nanoTime() - start);
    }
    socket.abort();
    return Stats.Latency.of(nanos);
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
