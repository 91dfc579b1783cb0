package io.pilothouse.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code kubectl} (from the PATH, or {@code -Dpilothouse.kubectl}) against a control
 * plane: writes a kubeconfig (cluster {@code pilothouse}, no credentials) for the server's URL and
 * runs each command with that kubeconfig, an optional stdin, a timeout, and stdout, stderr and the
 * exit code captured. Long-running commands ({@code get -w}) run in the {@link Background}.
 */
public final class Kubectl {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Path kubeconfig;
  private final String executable = System.getProperty("pilothouse.kubectl", "kubectl");

  private Kubectl(Path kubeconfig) {
    this.kubeconfig = kubeconfig;
  }

  /** A kubectl for the server at {@code root}, its kubeconfig written to {@code file}. */
  public static Kubectl forServer(URI root, Path file) {
    String server = root.toString().replaceAll("/+$", "");
    String config =
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters:",
            "- name: pilothouse",
            "  cluster:",
            "    server: " + server,
            "contexts:",
            "- name: pilothouse",
            "  context:",
            "    cluster: pilothouse",
            "    user: anonymous",
            "users:",
            "- name: anonymous",
            "  user: {}",
            "current-context: pilothouse",
            "");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Kubectl(file.toAbsolutePath());
  }

  /** What one kubectl run printed and how it ended. */
  public record Result(List<String> args, int exitCode, String stdout, String stderr) {

    /** stdout and stderr together, for assertions on whatever kubectl printed. */
    public String output() {
      return stdout + stderr;
    }

    @Override
    public String toString() {
      return "kubectl "
          + String.join(" ", args)
          + " -> exit "
          + exitCode
          + "\n--- stdout\n"
          + stdout
          + "--- stderr\n"
          + stderr;
    }
  }

  /** Runs {@code kubectl args...} and waits for it. */
  public Result run(String... args) {
    return pipe(null, args);
  }

  /** Runs {@code kubectl args...} with {@code stdin} (null for none) and waits for it. */
  public Result pipe(String stdin, String... args) {
    Process process = start(args);
    Output out = Output.of(process.getInputStream());
    Output err = Output.of(process.getErrorStream());
    try {
      try (var in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        throw new AssertionError(
            "kubectl " + String.join(" ", args) + " timed out; printed: " + out.text());
      }
      return new Result(List.of(args), process.exitValue(), out.finish(), err.finish());
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
      throw new IllegalStateException("kubectl " + String.join(" ", args) + " failed to run", e);
    }
  }

  /** Runs {@code kubectl args...} and requires exit code 0 (the failure shows the output). */
  public Result ok(String... args) {
    return okWith(null, args);
  }

  /** Pipes {@code stdin} into {@code kubectl args...} and requires exit code 0. */
  public Result okWith(String stdin, String... args) {
    Result result = pipe(stdin, args);
    if (result.exitCode() != 0) {
      throw new AssertionError("expected exit code 0: " + result);
    }
    return result;
  }

  /**
   * Creates a namespace from a manifest on stdin ({@code kubectl create -f -}); returns its name.
   */
  public String createNamespace(String name) {
    Result created =
        okWith(
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n",
            "create",
            "-f",
            "-");
    if (!created.stdout().contains("namespace/" + name + " created")) {
      throw new AssertionError("expected namespace/" + name + " created: " + created);
    }
    return name;
  }

  /** Starts {@code kubectl args...} without waiting, e.g. for {@code get -w}. */
  public Background background(String... args) {
    Process process = start(args);
    return new Background(
        List.of(args),
        process,
        Output.of(process.getInputStream()),
        Output.of(process.getErrorStream()));
  }

  /** A kubectl still running; {@link #stop()} ends it and returns what it printed. */
  public record Background(List<String> args, Process process, Output out, Output err)
      implements AutoCloseable {

    /** What kubectl printed on stdout so far. */
    public String stdout() {
      return out.text();
    }

    /** Stops kubectl and returns its whole run. */
    public Result stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      return new Result(args, process.exitValue(), out.finish(), err.finish());
    }

    @Override
    public void close() {
      if (process.isAlive()) {
        try {
          stop();
        } catch (InterruptedException e) {
          process.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** A process's output stream, read as it comes by a thread of its own. */
  public static final class Output {
    private final StringBuffer text = new StringBuffer();
    private final Thread reader;

    private Output(InputStream in) {
      reader = new Thread(() -> copy(in), "kubectl-output");
      reader.setDaemon(true);
      reader.start();
    }

    static Output of(InputStream in) {
      return new Output(in);
    }

    /** What was read so far. */
    public String text() {
      return text.toString();
    }

    /** Waits for the end of the stream (the process has ended) and returns all of it. */
    String finish() throws InterruptedException {
      reader.join(TimeUnit.SECONDS.toMillis(10));
      return text();
    }

    private void copy(InputStream in) {
      try (var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        char[] buffer = new char[8192];
        for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
          text.append(buffer, 0, n);
        }
      } catch (IOException ended) {
        // the process went away
      }
    }
  }

  private Process start(String... args) {
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.add("--kubeconfig=" + kubeconfig);
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("KUBECONFIG");
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + executable + " (is kubectl on PATH?)", e);
    }
  }
}
