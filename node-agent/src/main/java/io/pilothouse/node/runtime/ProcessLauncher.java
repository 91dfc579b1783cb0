package io.pilothouse.node.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts a container's process: {@code setsid} makes it a process group of its own, {@code setpriv
 * --pdeathsig KILL} ties it to the agent (an agent killed with -9 leaves no orphans), and with
 * namespaces {@code unshare --pid --mount} gives it a PID namespace whose init (a small shell)
 * joins the memory cgroup, bind-mounts the volumes, forwards SIGTERM to every process of the
 * container and reports the command's exit code. All launches happen on one long-lived thread,
 * because the parent-death signal fires when the launching thread ends.
 */
final class ProcessLauncher {

  static final String INIT_NAME = "pilothouse-init";

  private final Isolation isolation;
  private final ExecutorService launcherThread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "process-launcher");
            t.setDaemon(true);
            return t;
          });

  ProcessLauncher(Isolation isolation) {
    this.isolation = isolation;
  }

  Isolation isolation() {
    return isolation;
  }

  /** Starts the container's command; stdout and stderr stay pipes for the log pump. */
  Process launch(
      List<String> command,
      Map<String, String> env,
      Path workingDir,
      List<Mount> mounts,
      Path cgroup)
      throws IOException {
    List<String> argv = new ArrayList<>(List.of("setsid", "setpriv", "--pdeathsig", "KILL"));
    if (isolation.namespaces()) {
      argv.addAll(
          List.of(
              "unshare",
              "--pid",
              "--fork",
              "--kill-child=SIGKILL",
              "--mount-proc",
              "--propagation",
              "private"));
    }
    argv.addAll(List.of("sh", "-c", initScript(mounts, cgroup), INIT_NAME));
    argv.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(argv);
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.directory(workingDir.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    return onLauncherThread(builder);
  }

  /** Runs a command (probe, hook) next to a container: in its mount namespace when it has one. */
  Process launchExec(
      List<String> command, Map<String, String> env, Path workingDir, long containerPid)
      throws IOException {
    List<String> argv = new ArrayList<>(List.of("setsid", "setpriv", "--pdeathsig", "KILL"));
    if (isolation.namespaces() && containerPid > 0) {
      argv.addAll(List.of("nsenter", "-t", Long.toString(containerPid), "-m", "--"));
    }
    argv.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.directory(workingDir.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    return onLauncherThread(builder);
  }

  private Process onLauncherThread(ProcessBuilder builder) throws IOException {
    try {
      return launcherThread.submit(builder::start).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting a process", e);
    }
  }

  /** The shell run as the container's init; the command follows as "$@". */
  String initScript(List<Mount> mounts, Path cgroup) {
    StringBuilder script = new StringBuilder();
    if (cgroup != null) {
      script
          .append("echo 0 > ")
          .append(quote(cgroup.resolve("cgroup.procs").toString()))
          .append(" || echo 'pilothouse: memory limit not enforced' >&2\n");
    }
    if (!isolation.namespaces()) {
      return script.append("exec \"$@\"\n").toString();
    }
    for (Mount mount : mounts) {
      appendMount(script, mount);
    }
    script.append("trap 'kill -TERM -1 2>/dev/null' TERM\n");
    script.append("trap 'kill -INT -1 2>/dev/null' INT\n");
    script.append("\"$@\" &\n");
    script.append("child=$!\n");
    script.append(
        "while :; do wait \"$child\"; rc=$?; kill -0 \"$child\" 2>/dev/null || break; done\n");
    script.append("exit \"$rc\"\n");
    return script.toString();
  }

  private static void appendMount(StringBuilder script, Mount mount) {
    String source = quote(mount.hostPath().toString());
    String target = quote(mount.containerPath());
    script
        .append("if [ -d ")
        .append(source)
        .append(" ]; then mkdir -p ")
        .append(target)
        .append("; else mkdir -p \"$(dirname ")
        .append(target)
        .append(")\"; [ -e ")
        .append(target)
        .append(" ] || : > ")
        .append(target)
        .append("; fi\n");
    script
        .append("mount --bind ")
        .append(source)
        .append(' ')
        .append(target)
        .append(" || { echo ")
        .append(
            quote(
                "pilothouse: cannot mount volume "
                    + mount.volumeName()
                    + " at "
                    + mount.containerPath()))
        .append(" >&2; exit 126; }\n");
    if (mount.readOnly()) {
      script.append("mount -o remount,bind,ro ").append(target).append(" 2>/dev/null\n");
    }
  }

  static String quote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  void shutdown() {
    launcherThread.shutdown();
  }
}
