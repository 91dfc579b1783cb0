package io.pilothouse.node.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How the process runtime turns a container into a host command line, exactly as a container
 * runtime combines an image's ENTRYPOINT and CMD with the pod's command and args, and the
 * environment the process sees (the image's, then the pod's, then the runtime's markers).
 */
final class ProcessCommands {

  private ProcessCommands() {}

  static List<String> argv(ContainerConfig config, ImageCatalog.Entry image) {
    List<String> argv = new ArrayList<>();
    if (config.command() != null && !config.command().isEmpty()) {
      argv.addAll(config.command());
      argv.addAll(config.args());
    } else if (!config.args().isEmpty()) {
      argv.addAll(image.entrypoint());
      argv.addAll(config.args());
    } else {
      argv.addAll(image.entrypoint());
      argv.addAll(image.cmd());
    }
    return argv;
  }

  static Map<String, String> env(
      ContainerConfig config,
      ImageCatalog.Entry image,
      PodSandboxStatus sandbox,
      Path runtimeDir,
      String containerId) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", ProcessRuntime.DEFAULT_PATH);
    env.put("HOME", "/root");
    env.put("HOSTNAME", sandbox.name());
    env.put("POD_IP", sandbox.ip());
    Integer port = config.ports().isEmpty() ? image.defaultPort() : config.ports().get(0);
    if (port != null) {
      env.put("PILOTHOUSE_PORT", port.toString());
    }
    env.putAll(image.env());
    env.putAll(config.env());
    env.put("PILOTHOUSE_POD_IP", sandbox.ip());
    env.put(ProcessRuntime.ENV_RUNTIME_DIR, runtimeDir.toString());
    env.put(ProcessRuntime.ENV_CONTAINER_ID, containerId);
    return env;
  }

  static Path workingDir(ContainerConfig config, ImageCatalog.Entry image, Path scratch) {
    if (config.workingDir() != null && !config.workingDir().isBlank()) {
      return Path.of(config.workingDir());
    }
    if (image.workingDir() != null && !image.workingDir().isBlank()) {
      return Path.of(image.workingDir());
    }
    return scratch;
  }

  /** Upstream's message when the command cannot run, or null when it can. */
  static String checkExecutable(List<String> argv, Map<String, String> env) {
    if (argv.isEmpty()) {
      return "no command specified: the container has no command and its image has no entrypoint"
          + " or cmd in the image catalog";
    }
    String program = argv.get(0);
    if (program.contains("/")) {
      return Files.isExecutable(Path.of(program))
          ? null
          : "exec: \"" + program + "\": stat " + program + ": no such file or directory";
    }
    String path = env.getOrDefault("PATH", ProcessRuntime.DEFAULT_PATH);
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return null;
      }
    }
    return "exec: \"" + program + "\": executable file not found in $PATH";
  }

  /** Runs a command next to a container and collects up to 10 KiB of its output. */
  static ExecResult exec(
      ProcessLauncher launcher,
      List<String> command,
      Map<String, String> env,
      Path workingDir,
      long containerPid,
      Duration timeout) {
    Process process;
    try {
      Path dir = Files.isDirectory(workingDir) ? workingDir : Path.of("/");
      process = launcher.launchExec(command, env, dir, containerPid);
    } catch (IOException e) {
      return new ExecResult(126, e.getMessage(), false);
    }
    StringBuilder output = new StringBuilder();
    Thread reader = new Thread(() -> collect(process.getInputStream(), output), "exec-output");
    reader.setDaemon(true);
    reader.start();
    try {
      boolean done = process.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
      if (!done) {
        ProcessGroups.signalGroup(process.pid(), "KILL");
        process.destroyForcibly();
        return new ExecResult(-1, "command timed out after " + timeout.toSeconds() + "s", true);
      }
      reader.join(1000);
      synchronized (output) {
        return new ExecResult(process.exitValue(), output.toString(), false);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return new ExecResult(-1, "interrupted", true);
    }
  }

  private static void collect(InputStream in, StringBuilder output) {
    byte[] buffer = new byte[4096];
    try (in) {
      int read;
      while ((read = in.read(buffer)) > 0) {
        synchronized (output) {
          if (output.length() < 10_240) {
            output.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException ignored) {
      // process ended
    }
  }
}
