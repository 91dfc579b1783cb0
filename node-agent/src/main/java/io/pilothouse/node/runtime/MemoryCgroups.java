package io.pilothouse.node.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Enforces container memory limits with cgroups where this host lets the agent create them: a child
 * cgroup per container under the agent's own memory cgroup ({@code pilothouse-<node>}), cgroup v2
 * ({@code memory.max}) or v1 ({@code memory.limit_in_bytes}). The container's init joins it before
 * running the command, so every process it forks is limited. Where neither is writable, limits are
 * not enforced and {@link #reason()} says why.
 */
public final class MemoryCgroups {

  private static final Logger LOG = Logger.getLogger(MemoryCgroups.class.getName());

  private final Path base;
  private final boolean v2;
  private final String reason;

  private MemoryCgroups(Path base, boolean v2, String reason) {
    this.base = base;
    this.v2 = v2;
    this.reason = reason;
  }

  /** Limits are not enforced (tests, simulated nodes, or an explicit choice). */
  public static MemoryCgroups disabled(String reason) {
    return new MemoryCgroups(null, false, reason);
  }

  /** Finds a writable memory cgroup hierarchy for this node, or explains why there is none. */
  public static MemoryCgroups detect(String nodeName) {
    String leaf = "pilothouse-" + nodeName.replaceAll("[^A-Za-z0-9_.-]", "_");
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/self/cgroup"));
      for (String line : lines) {
        String[] parts = line.split(":", 3);
        if (parts.length == 3 && parts[1].contains("memory")) {
          Path mount = Path.of("/sys/fs/cgroup/memory");
          if (Files.isRegularFile(mount.resolve("memory.limit_in_bytes"))) {
            return tryBase(mount.resolve(parts[2].substring(1)).resolve(leaf), false);
          }
        }
      }
      for (String line : lines) {
        if (line.startsWith("0::")) {
          Path mount =
              Files.isRegularFile(Path.of("/sys/fs/cgroup/cgroup.controllers"))
                  ? Path.of("/sys/fs/cgroup")
                  : Path.of("/sys/fs/cgroup/unified");
          Path own = mount.resolve(line.substring(3).replaceFirst("^/", ""));
          String controllers = readOr(own.resolve("cgroup.controllers"), "");
          if (controllers.contains("memory")) {
            return tryBase(own.resolve(leaf), true);
          }
          return disabled("cgroup v2 has no memory controller for this agent's cgroup " + own);
        }
      }
      return disabled("no memory cgroup found in /proc/self/cgroup");
    } catch (IOException e) {
      return disabled("cannot read /proc/self/cgroup: " + e.getMessage());
    }
  }

  private static MemoryCgroups tryBase(Path base, boolean v2) {
    try {
      Files.createDirectories(base);
      if (v2) {
        Files.writeString(base.resolve("cgroup.subtree_control"), "+memory");
      }
      return new MemoryCgroups(base, v2, null);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return disabled("cannot create memory cgroup " + base + ": " + e.getMessage());
    }
  }

  public boolean enabled() {
    return base != null;
  }

  /** Why limits are not enforced, or null when they are. */
  public String reason() {
    return reason;
  }

  /** Creates the container's cgroup with its limit; empty when limits are not enforced. */
  Optional<Path> create(String containerId, long limitBytes) {
    if (base == null || limitBytes <= 0) {
      return Optional.empty();
    }
    Path dir = base.resolve(containerId.replaceAll("[^A-Za-z0-9_.-]", "_"));
    try {
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve(v2 ? "memory.max" : "memory.limit_in_bytes"), Long.toString(limitBytes));
      if (v2) {
        writeQuietly(dir.resolve("memory.swap.max"), "0");
      } else {
        writeQuietly(dir.resolve("memory.memsw.limit_in_bytes"), Long.toString(limitBytes));
      }
      return Optional.of(dir);
    } catch (IOException e) {
      LOG.warning("memory limit not enforced for " + containerId + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Whether the kernel OOM-killed a process of this cgroup. */
  boolean oomKilled(Path dir) {
    String events = readOr(dir.resolve(v2 ? "memory.events" : "memory.oom_control"), "");
    for (String line : events.split("\n")) {
      if (line.startsWith("oom_kill ")) {
        return !line.substring("oom_kill ".length()).trim().equals("0");
      }
    }
    return false;
  }

  /** Removes a container's cgroup once its processes are gone. */
  void remove(Path dir) {
    try {
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      LOG.fine("cgroup " + dir + " not removed yet: " + e.getMessage());
    }
  }

  /** Removes the cgroups of containers of an earlier agent run (already killed). */
  void removeStale() {
    if (base == null) {
      return;
    }
    try (var dirs = Files.list(base)) {
      dirs.filter(Files::isDirectory).forEach(this::remove);
    } catch (IOException ignored) {
      // nothing to clean
    }
  }

  /** Removes this node's cgroup directory once its containers are gone. */
  void close() {
    if (base != null) {
      removeStale();
      remove(base);
    }
  }

  private static void writeQuietly(Path file, String value) {
    try {
      Files.writeString(file, value);
    } catch (IOException ignored) {
      // optional knob (no swap accounting on this kernel)
    }
  }

  private static String readOr(Path file, String fallback) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return fallback;
    }
  }
}
