package io.pilothouse.node.kubelet;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Facts about the host for the Node object and its pressure conditions: CPUs, memory, disk, OS
 * image, kernel and architecture, free memory, free disk space and process count.
 */
public final class HostInfo {

  private HostInfo() {}

  public static int cpus() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** MemTotal in bytes (from /proc/meminfo), or the JVM's view when unreadable. */
  public static long memoryBytes() {
    long kb = meminfo("MemTotal:");
    return kb > 0 ? kb * 1024 : Runtime.getRuntime().maxMemory();
  }

  /** MemAvailable in bytes, or -1. */
  public static long availableMemoryBytes() {
    long kb = meminfo("MemAvailable:");
    return kb > 0 ? kb * 1024 : -1;
  }

  private static long meminfo(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  public static long diskBytes(Path dir) {
    File f = existing(dir);
    return f.getTotalSpace();
  }

  public static long freeDiskBytes(Path dir) {
    return existing(dir).getUsableSpace();
  }

  private static File existing(Path dir) {
    Path p = dir.toAbsolutePath();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    return p == null ? new File("/") : p.toFile();
  }

  public static String osImage() {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
        if (line.startsWith("PRETTY_NAME=")) {
          return line.substring("PRETTY_NAME=".length()).replace("\"", "");
        }
      }
    } catch (IOException e) {
      return System.getProperty("os.name");
    }
    return System.getProperty("os.name");
  }

  public static String kernelVersion() {
    return System.getProperty("os.version");
  }

  /** The architecture as Kubernetes names it (amd64, arm64, …). */
  public static String architecture() {
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> arch;
    };
  }

  public static String operatingSystem() {
    return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
        ? "linux"
        : System.getProperty("os.name").toLowerCase(Locale.ROOT);
  }

  public static String machineId() {
    try {
      return Files.readString(Path.of("/etc/machine-id")).trim();
    } catch (IOException e) {
      return "";
    }
  }

  /** Number of processes and the kernel's pid_max, or -1 each. */
  public static long[] pids() {
    try (var dirs = Files.list(Path.of("/proc"))) {
      long count =
          dirs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).count();
      // line by line: a whole-file read of a sysctl file returned only its first byte on this
      // kernel (Files.readString gave "3" for 32768), which made every node report PIDPressure
      long max =
          Long.parseLong(Files.readAllLines(Path.of("/proc/sys/kernel/pid_max")).get(0).trim());
      return new long[] {count, max};
    } catch (IOException | NumberFormatException e) {
      return new long[] {-1, -1};
    }
  }
}
