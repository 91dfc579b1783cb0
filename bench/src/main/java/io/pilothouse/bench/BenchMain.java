package io.pilothouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What every benchmark's {@code main} shares: {@code --name value} options, the API client for
 * {@code --server}, and the header naming the server, the machine and its load.
 */
final class BenchMain {

  private BenchMain() {}

  /** {@code --name value} pairs. */
  static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    return options;
  }

  /**
   * The client for {@code --server} (default http://127.0.0.1:8080), its measured loops sending
   * through {@code --client raw} (default: {@link RawHttp}) or {@code jdk} (the JDK's HttpClient).
   */
  static Api api(Map<String, String> options) {
    return new Api(
        options.getOrDefault("--server", "http://127.0.0.1:8080"),
        options.getOrDefault("--client", Api.RAW));
  }

  /** Prints the title, the server with the start time, and the machine with its load. */
  static void header(String title, Api api) {
    System.out.println(title);
    System.out.println("  server:  " + api.server() + "   started: " + Instant.now());
    System.out.println(
        "  machine: "
            + Runtime.getRuntime().availableProcessors()
            + " cores, Java "
            + System.getProperty("java.version")
            + ", load "
            + load());
  }

  /** The 1/5/15-minute load averages, as {@code uptime} prints them. */
  static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
