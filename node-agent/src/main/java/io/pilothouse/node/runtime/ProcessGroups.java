package io.pilothouse.node.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Signals and finds host processes through {@code /bin/kill} and {@code /proc}: a container is a
 * process group (its leader started with {@code setsid}), and every container process carries a
 * marker in its environment so that stragglers and orphans of an earlier agent can be found.
 */
final class ProcessGroups {

  private static final Path PROC = Path.of("/proc");

  private ProcessGroups() {}

  /** Sends a signal (TERM, KILL, …) to every process of the group; false if none was there. */
  static boolean signalGroup(long pgid, String signal) {
    if (pgid <= 1) {
      return false;
    }
    return run("kill", "-s", signal, "--", "-" + pgid);
  }

  /** Sends a signal to single processes. */
  static void signal(List<Long> pids, String signal) {
    if (pids.isEmpty()) {
      return;
    }
    List<String> command = new ArrayList<>(List.of("kill", "-s", signal, "--"));
    pids.forEach(pid -> command.add(Long.toString(pid)));
    run(command.toArray(String[]::new));
  }

  /** Whether any process is still in the group. */
  static boolean groupAlive(long pgid) {
    for (long pid : allPids()) {
      if (processGroupOf(pid) == pgid) {
        return true;
      }
    }
    return false;
  }

  /** The process group of a process, -1 when it is gone. */
  static long processGroupOf(long pid) {
    String stat = readStat(pid);
    if (stat == null) {
      return -1;
    }
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return fields.length > 2 ? Long.parseLong(fields[2]) : -1;
  }

  /** Every live process whose environment contains exactly {@code NAME=value}. */
  static List<Long> processesWithEnv(String name, String value) {
    byte[] needle = (name + "=" + value).getBytes(StandardCharsets.UTF_8);
    List<Long> found = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    for (long pid : allPids()) {
      if (pid == self) {
        continue;
      }
      try {
        byte[] environ = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
        if (containsEntry(environ, needle)) {
          found.add(pid);
        }
      } catch (IOException | SecurityException ignored) {
        // gone, or not ours to read
      }
    }
    return found;
  }

  private static boolean containsEntry(byte[] environ, byte[] needle) {
    int start = 0;
    for (int i = 0; i <= environ.length; i++) {
      if (i == environ.length || environ[i] == 0) {
        if (i - start == needle.length && regionEquals(environ, start, needle)) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  private static boolean regionEquals(byte[] data, int offset, byte[] needle) {
    for (int j = 0; j < needle.length; j++) {
      if (data[offset + j] != needle[j]) {
        return false;
      }
    }
    return true;
  }

  static List<Long> allPids() {
    List<Long> pids = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC)) {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
          pids.add(Long.parseLong(name));
        }
      }
    } catch (IOException e) {
      return pids;
    }
    return pids;
  }

  private static String readStat(long pid) {
    try {
      return Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean run(String... command) {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
