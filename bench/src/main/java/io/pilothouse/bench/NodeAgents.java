package io.pilothouse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Node agents ({@code java -jar node-agent.jar}) started as child processes of a benchmark, each
 * with its own root directory and log under {@code bench/target/agents/<run>/}, talking to the
 * benchmark's control plane through a kubeconfig written there. {@link #close} (also run by a
 * shutdown hook, so a failed or interrupted benchmark leaves no agent behind) sends SIGTERM to
 * every agent, waits for it to stop its pods, then kills what is left. Also: the heap and CPU time
 * of a JVM by pid (the agents' and the server's), and a summary of an agent log's warnings.
 */
final class NodeAgents implements AutoCloseable {

  /** One agent process. */
  record Agent(String name, Process process, Path log) {
    long pid() {
      return process.pid();
    }
  }

  /** G1's and Parallel's "total T K, used U K". */
  private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

  /** ZGC's "ZHeap used U M, capacity C M". */
  private static final Pattern Z_HEAP = Pattern.compile("used (\\d+)M, capacity (\\d+)M");

  private final Path jar;
  private final Path dir;
  private final Path kubeconfig;
  private final List<Agent> agents = new CopyOnWriteArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "bench-stop-agents");

  NodeAgents(String agentJar, String server, String run) {
    Path repo = repo();
    this.jar =
        agentJar == null ? repo.resolve("node-agent/target/node-agent.jar") : Path.of(agentJar);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar
              + " is missing: build it with `mvn -B -o -q package -pl node-agent -DskipTests"
              + " -Dspotless.check.skip=true`");
    }
    this.dir = repo.resolve("bench/target/agents").resolve(run);
    this.kubeconfig = dir.resolve("kubeconfig");
    try {
      Files.createDirectories(dir);
      Files.writeString(
          kubeconfig,
          "apiVersion: v1\nkind: Config\n"
              + "clusters: [{name: p, cluster: {server: "
              + server
              + "}}]\n"
              + "users: [{name: u, user: {token: x}}]\n"
              + "contexts: [{name: p, context: {cluster: p, user: u}}]\n"
              + "current-context: p\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The repository: three levels above bench/target/pilothouse-bench.jar (or target/classes). */
  static Path repo() {
    try {
      Path code =
          Path.of(NodeAgents.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path candidate = code.getParent().getParent().getParent();
      if (Files.isRegularFile(candidate.resolve("pilothouse"))) {
        return candidate;
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall through
    }
    return Path.of("").toAbsolutePath();
  }

  Path dir() {
    return dir;
  }

  /**
   * Starts {@code java JVM-OPTIONS -jar node-agent.jar --kubeconfig K --node-name NAME --root-dir D
   * ARGS...} with its output appended to {@code <dir>/NAME.log}.
   */
  Agent start(String name, List<String> jvmOptions, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--kubeconfig",
            kubeconfig.toString(),
            "--node-name",
            name,
            "--root-dir",
            dir.resolve(name).toString()));
    command.addAll(args);
    Path log = dir.resolve(name + ".log");
    try {
      Files.createDirectories(dir.resolve(name));
      Process process =
          new ProcessBuilder(command)
              .directory(dir.resolve(name).toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      Agent agent = new Agent(name, process, log);
      agents.add(agent);
      System.out.printf(
          "  agent %s started (pid %d, log %s): %s%n",
          name, process.pid(), log, String.join(" ", args));
      return agent;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Agent> agents() {
    return agents;
  }

  /** Fails fast when an agent died (bad arguments, port taken): its log's last lines. */
  void checkAlive() {
    for (Agent a : agents) {
      if (!a.process().isAlive()) {
        throw new IllegalStateException(
            "agent "
                + a.name()
                + " exited with "
                + a.process().exitValue()
                + "; last log lines:\n"
                + tail(a.log(), 10));
      }
    }
  }

  /** SIGTERM to every agent, up to 30 s for them to stop their pods, then SIGKILL. */
  synchronized void stopAll() {
    if (agents.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    agents.forEach(a -> a.process().destroy());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    int killed = 0;
    for (Agent a : agents) {
      try {
        long left = deadline - System.nanoTime();
        if (!a.process().waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
          a.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          killed++;
        }
      } catch (InterruptedException e) {
        a.process().destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    System.out.printf(
        "  stopped %d agent(s) in %.1f s (%d needed SIGKILL)%n",
        agents.size(), (System.nanoTime() - start) / 1e9, killed);
    agents.clear();
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down
    }
  }

  /** A free TCP port on a loopback address (for an agent's kubelet server). */
  static int freePort(String host) {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The control plane's pid, from bench/target/control-plane/run/control-plane.pid, or -1. */
  static long serverPid() {
    Path file = repo().resolve("bench/target/control-plane/run/control-plane.pid");
    try {
      return Long.parseLong(Files.readString(file).replaceAll("[^0-9]", ""));
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  /**
   * The heap of a JVM as {@code jcmd PID GC.heap_info} reports it ("used U MiB of T MiB", G1 or
   * ZGC), and with {@code live} first a full GC ({@code GC.run}) so "used" is the live set.
   */
  static String heap(long pid, boolean live) {
    if (pid <= 0) {
      return "n/a";
    }
    if (live) {
      jcmd(pid, "GC.run");
    }
    String info = jcmd(pid, "GC.heap_info");
    Matcher z = Z_HEAP.matcher(info);
    if (z.find()) {
      return String.format("used %s MiB of %s MiB", z.group(1), z.group(2));
    }
    Matcher m = HEAP.matcher(info);
    if (!m.find()) {
      return "n/a";
    }
    return String.format(
        "used %d MiB of %d MiB",
        Long.parseLong(m.group(2)) / 1024, Long.parseLong(m.group(1)) / 1024);
  }

  private static String jcmd(long pid, String command) {
    try {
      Process p =
          new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(60, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** CPU time (user + system) of a process in seconds, from /proc/PID/stat; -1 if gone. */
  static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields after the command: state(3) ... utime(14) stime(15), here 0-based from state
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Bytes under a directory (files only), or -1. */
  static long size(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  /** WARNING and SEVERE lines of an agent log, counted by their message with numbers masked. */
  static Map<String, Integer> warnings(Path log) {
    Map<String, Integer> kinds = new LinkedHashMap<>();
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      lines
          .filter(l -> l.contains(" WARNING ") || l.contains(" SEVERE "))
          .map(l -> l.length() > 25 ? l.substring(25) : l)
          .map(l -> l.replaceAll("[0-9]+", "N"))
          .map(l -> l.length() > 160 ? l.substring(0, 160) + "..." : l)
          .forEach(k -> kinds.merge(k, 1, Integer::sum));
    } catch (IOException | UncheckedIOException e) {
      kinds.put("(log unreadable: " + e + ")", 1);
    }
    return kinds;
  }

  /** Prints the most frequent warning kinds of every agent log. */
  void printWarnings() {
    for (Agent a : agents) {
      printWarnings(a);
    }
  }

  static void printWarnings(Agent a) {
    Map<String, Integer> kinds = warnings(a.log());
    int total = kinds.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf("  agent %s log: %d WARNING/SEVERE lines%n", a.name(), total);
    kinds.entrySet().stream()
        .sorted((x, y) -> y.getValue() - x.getValue())
        .limit(8)
        .forEach(e -> System.out.printf("    %6d x %s%n", e.getValue(), e.getKey()));
  }

  static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e + ")";
    }
  }
}
