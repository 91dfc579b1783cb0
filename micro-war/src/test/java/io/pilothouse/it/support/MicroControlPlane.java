package io.pilothouse.it.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A control plane for black-box tests: the built WAR on Payara Micro in a process of its own, with
 * a fresh data directory, started as {@code ./pilothouse up} starts it and stopped (with its whole
 * process tree) when closed. It may be stopped and started again on the same data directory and
 * port, to test what survives a restart; system properties such as the compaction window may be set
 * per instance before it starts.
 */
public final class MicroControlPlane implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

  private final Path build;
  private final Path dataDir;
  private final Path log;
  private final int port;
  private final Map<String, String> properties = new LinkedHashMap<>();
  private Process process;

  public MicroControlPlane(Path build, String name) throws IOException {
    this.build = build;
    this.dataDir = build.resolve(name + "-data");
    this.log = build.resolve(name + ".log");
    this.port = freePort();
    properties.put("pilothouse.compaction.interval.seconds", "2");
    properties.put("pilothouse.compaction.window.revisions", "5000");
  }

  /** Sets a system property of the server (e.g. the compaction window); applies on next start. */
  public MicroControlPlane withProperty(String name, String value) {
    properties.put(name, value);
    return this;
  }

  /** Stops the server (SIGTERM) and starts it again on the same data directory and port. */
  public MicroControlPlane restart() throws Exception {
    stop();
    return start();
  }

  /**
   * Kills the server (SIGKILL: no shutdown hook, nothing flushed) and starts it again on the same
   * data directory and port, as after a crash.
   */
  public MicroControlPlane restartAfterKill() throws Exception {
    if (process != null) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      process = null;
    }
    return start();
  }

  /** Deletes the data directory and the log of a stopped server, for a fresh start. */
  public MicroControlPlane clean() throws IOException {
    if (process != null) {
      throw new IllegalStateException("stop the server before cleaning its data");
    }
    deleteTree(dataDir);
    Files.deleteIfExists(log);
    return this;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** The server's log file. */
  public Path log() {
    return log;
  }

  /** The API root, e.g. {@code http://127.0.0.1:41234/}. */
  public URI root() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Starts Micro and waits for {@code /readyz}. */
  public MicroControlPlane start() throws Exception {
    Path rootDir = build.resolve("micro-root-" + port);
    // a fresh runtime directory each start: one left by a previous start holds a domain.xml that
    // already deploys the WAR and the adapter, which Micro then loads, unloads and deploys again
    deleteTree(rootDir);
    Files.createDirectories(rootDir);
    Files.createDirectories(dataDir);
    ProcessBuilder builder = new ProcessBuilder(command(rootDir));
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    process = builder.start();
    awaitReady();
    return this;
  }

  /**
   * Stops the server (and what it spawned): SIGTERM, a thread dump into its log if it still runs
   * after 15 s, SIGKILL after 30 s; returns whether it ended on SIGTERM (true, too, when it was not
   * running).
   */
  public boolean stop() throws InterruptedException {
    if (process == null) {
      return true;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    boolean ended = process.waitFor(15, TimeUnit.SECONDS);
    if (!ended) {
      dumpThreads();
      ended = process.waitFor(15, TimeUnit.SECONDS);
    }
    if (!ended) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    process = null;
    return ended;
  }

  /** Appends a thread dump of the server to its log, to show what holds up a stop. */
  private void dumpThreads() throws InterruptedException {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    try {
      new ProcessBuilder(jcmd, Long.toString(process.pid()), "Thread.print")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start()
          .waitFor(20, TimeUnit.SECONDS);
    } catch (IOException e) {
      // no dump then; the stop goes on
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private List<String> command(Path rootDir) {
    Path runtime = build.resolve("runtime");
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx1500m");
    command.add("-Dpilothouse.data=" + dataDir);
    properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.add("-Dorg.apache.activemq.default.directory.prefix=" + dataDir + "/");
    command.add("-Dhazelcast.socket.bind.any=false");
    command.add("-Dhazelcast.phone.home.enabled=false");
    command.addAll(
        List.of(
            "-jar", runtime.resolve("payara-micro.jar").toString(),
            "--nocluster", "--disablephonehome",
            "--port", Integer.toString(port),
            "--rootdir", rootDir.toString(),
            "--prebootcommandfile", runtime.resolve("pre-boot.asadmin").toString(),
            "--postbootcommandfile", runtime.resolve("post-boot.asadmin").toString(),
            "--contextroot", "/",
            "--deploy", build.resolve("pilothouse.war").toString()));
    return command;
  }

  private void awaitReady() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro exited; see " + log);
      }
      if (deploymentFailed()) {
        stop();
        throw new IllegalStateException("the WAR failed to deploy; see " + log);
      }
      try {
        HttpResponse<String> ready =
            http.send(
                HttpRequest.newBuilder(root().resolve("/readyz")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    stop();
    throw new IllegalStateException("control plane not ready in " + READY_TIMEOUT + "; see " + log);
  }

  private boolean deploymentFailed() throws IOException {
    if (!Files.exists(log)) {
      return false;
    }
    String text = Files.readString(log);
    return text.contains("Exception while deploying the app")
        || text.contains("Exception while loading the app");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
