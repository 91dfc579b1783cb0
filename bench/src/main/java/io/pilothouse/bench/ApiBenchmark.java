package io.pilothouse.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API server benchmark of issue 3 ("Performance"): prints figures, asserts nothing. Runs
 * against a running control plane ({@code --server}, default {@code http://127.0.0.1:8080}) the
 * four scenarios: pod creates with 32 clients next to H2's raw commit rate, write latency at a
 * steady 200 writes/s, a paged LIST of 10,000 pods, and watch delivery latency. Each scenario warms
 * up first, prints a table and a one-line {@code SUMMARY}; scenario 5 (not run unless asked, {@code
 * --scenarios 5}) breaks a create's cost down by calls of growing depth. The namespaces it made are
 * emptied and deleted at the end. See docs/performance.md for the command and the recorded figures.
 *
 * <p>{@code --client raw} (the default) sends the creates of scenario 1 and the writes of scenario
 * 2 through {@link RawHttp}, one plain keep-alive socket per client thread; {@code --client jdk}
 * through the JDK's {@link java.net.http.HttpClient}, which costs about 0.9 ms of CPU per request
 * on the 2 cores the server also runs on. Everything else always uses the JDK client.
 */
public final class ApiBenchmark {

  private ApiBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    Api api =
        new Api(
            options.getOrDefault("--server", "http://127.0.0.1:8080"),
            options.getOrDefault("--client", Api.RAW));
    int pods = Integer.parseInt(options.getOrDefault("--pods", "10000"));
    int clients = Integer.parseInt(options.getOrDefault("--clients", "32"));
    int warmup =
        Integer.parseInt(
            options.getOrDefault("--warmup", Integer.toString(CreateScenario.DEFAULT_WARMUP)));
    String schedulerName =
        options.getOrDefault("--scheduler-name", CreateScenario.UNSERVED_SCHEDULER);
    Set<String> scenarios =
        new TreeSet<>(List.of(options.getOrDefault("--scenarios", "1,2,3,4").split(",")));
    if (scenarios.contains("3") && !scenarios.contains("1")) {
      throw new IllegalArgumentException("scenario 3 lists the pods scenario 1 creates: add 1");
    }

    System.out.println("Pilothouse API server benchmark");
    System.out.println("  server:    " + api.server() + "  (" + version(api) + ")");
    System.out.println(
        "  client:    " + api.leanClient() + "  (scenario 1 creates, scenario 2 writes)");
    System.out.println("  started:   " + Instant.now());
    System.out.println(
        "  machine:   "
            + Runtime.getRuntime().availableProcessors()
            + " cores, "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch")
            + ", Java "
            + System.getProperty("java.version"));
    System.out.println("  load:      " + BenchMain.load() + "  (1/5/15 min, whole machine)");

    String run = "bench-" + Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
    List<String[]> made = new ArrayList<>();
    List<String> loads = new ArrayList<>();
    try {
      if (scenarios.contains("1")) {
        String ns = run + "-pods";
        made.add(new String[] {ns, null, Integer.toString(pods)});
        made.add(new String[] {run + "-warm", null, Integer.toString(warmup)});
        api.createNamespace(run + "-warm");
        api.createNamespace(ns);
        new CreateScenario(api, schedulerName)
            .runAndReport(ns, run + "-warm", warmup, pods, clients);
        loads.add("after 1: " + BenchMain.load());
        if (scenarios.contains("3")) {
          new ListScenario(api).runAndReport(ns, pods, 500, 5);
          loads.add("after 3: " + BenchMain.load());
        }
      }
      if (scenarios.contains("2")) {
        String ns = run + "-writes";
        made.add(new String[] {ns, "configmaps"});
        api.createNamespace(ns);
        new LatencyScenario(api).runAndReport(ns, 200, 30);
        loads.add("after 2: " + BenchMain.load());
      }
      if (scenarios.contains("5")) {
        String[] entry = {run + "-path", null, "0"};
        made.add(entry);
        api.createNamespace(entry[0]);
        entry[2] =
            Integer.toString(
                new RequestPathScenario(api, schedulerName)
                    .runAndReport(entry[0], clients, 10, 15));
        loads.add("after 5: " + BenchMain.load());
      }
      if (scenarios.contains("4")) {
        String ns = run + "-watch";
        made.add(new String[] {ns, "configmaps"});
        api.createNamespace(ns);
        new WatchScenario(api).runAndReport(ns, 50, 20);
        loads.add("after 4: " + BenchMain.load());
      }
    } finally {
      System.out.println("\nLoad average " + String.join("; ", loads));
      if (options.containsKey("--no-cleanup")) {
        made.clear();
      }
      System.out.println("Cleanup:");
      for (String[] namespace : made) {
        try {
          api.deleteNamespace(
              namespace[0],
              namespace[1] != null
                  ? new String[] {namespace[1]}
                  : CreateScenario.batches(Integer.parseInt(namespace[2])));
        } catch (RuntimeException e) {
          System.out.println("  cleanup of " + namespace[0] + " failed: " + e.getMessage());
        }
      }
    }
    System.exit(0);
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("-h") || arg.equals("--help")) {
        System.out.println(
            "usage: ApiBenchmark [--server URL] [--pods N] [--warmup N] [--clients N]"
                + " [--scenarios 1,2,3,4,5]"
                + " [--scheduler-name NAME]"
                + " [--client raw|jdk]"
                + " [--no-cleanup true]");
        System.exit(0);
      }
      int eq = arg.indexOf('=');
      if (eq > 0) {
        options.put(arg.substring(0, eq), arg.substring(eq + 1));
      } else if (i + 1 < args.length) {
        options.put(arg, args[++i]);
      } else {
        throw new IllegalArgumentException("option needs a value: " + arg);
      }
    }
    return options;
  }

  private static String version(Api api) {
    try {
      return api.json("GET", "/version", null).path("gitVersion").asString("?");
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "no control plane at " + api.server() + ": " + e.getMessage(), e);
    }
  }
}
