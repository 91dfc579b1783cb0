package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The four node conditions a kubelet reports, with upstream's reasons and messages: Ready and the
 * pressures MemoryPressure (less than 100 MiB available), DiskPressure (less than 10 % free under
 * the root directory) and PIDPressure (more than 90 % of pid_max in use). Simulated nodes never
 * feel pressure.
 */
public final class NodeConditions {

  /** Which pressures the host is under right now. */
  public record Pressure(boolean memory, boolean disk, boolean pid) {
    public static final Pressure NONE = new Pressure(false, false, false);
  }

  private NodeConditions() {}

  public static Pressure measure(Path rootDir) {
    long available = HostInfo.availableMemoryBytes();
    boolean memory = available >= 0 && available < 100L * 1024 * 1024;
    long total = HostInfo.diskBytes(rootDir);
    boolean disk = total > 0 && HostInfo.freeDiskBytes(rootDir) * 10 < total;
    long[] pids = HostInfo.pids();
    boolean pid = pids[0] > 0 && pids[1] > 0 && pids[0] * 10 > pids[1] * 9;
    return new Pressure(memory, disk, pid);
  }

  /** The conditions for a pressure reading; transition times are kept from {@code previous}. */
  public static List<NodeCondition> of(Pressure p, List<NodeCondition> previous, Instant now) {
    List<NodeCondition> out = new ArrayList<>();
    out.add(
        cond(
            previous,
            now,
            "MemoryPressure",
            p.memory(),
            p.memory() ? "KubeletHasInsufficientMemory" : "KubeletHasSufficientMemory",
            p.memory()
                ? "kubelet has insufficient memory available"
                : "kubelet has sufficient memory available"));
    out.add(
        cond(
            previous,
            now,
            "DiskPressure",
            p.disk(),
            p.disk() ? "KubeletHasDiskPressure" : "KubeletHasNoDiskPressure",
            p.disk() ? "kubelet has disk pressure" : "kubelet has no disk pressure"));
    out.add(
        cond(
            previous,
            now,
            "PIDPressure",
            p.pid(),
            p.pid() ? "KubeletHasInsufficientPID" : "KubeletHasSufficientPID",
            p.pid()
                ? "kubelet has insufficient PID available"
                : "kubelet has sufficient PID available"));
    out.add(cond(previous, now, "Ready", true, "KubeletReady", "kubelet is posting ready status"));
    return out;
  }

  private static NodeCondition cond(
      List<NodeCondition> previous,
      Instant now,
      String type,
      boolean status,
      String reason,
      String message) {
    String value = status ? "True" : "False";
    String transition = PodStatusComputer.time(now);
    if (previous != null) {
      for (NodeCondition c : previous) {
        if (type.equals(c.getType())
            && value.equals(c.getStatus())
            && c.getLastTransitionTime() != null) {
          transition = c.getLastTransitionTime();
        }
      }
    }
    return new NodeConditionBuilder()
        .withType(type)
        .withStatus(value)
        .withReason(reason)
        .withMessage(message)
        .withLastHeartbeatTime(PodStatusComputer.time(now))
        .withLastTransitionTime(transition)
        .build();
  }

  /** Whether two condition lists differ in anything but their heartbeat times. */
  public static boolean changed(List<NodeCondition> a, List<NodeCondition> b) {
    if (a == null || b == null || a.size() != b.size()) {
      return true;
    }
    for (int i = 0; i < a.size(); i++) {
      NodeCondition x = a.get(i);
      NodeCondition y = b.get(i);
      if (!x.getType().equals(y.getType())
          || !x.getStatus().equals(y.getStatus())
          || !java.util.Objects.equals(x.getReason(), y.getReason())) {
        return true;
      }
    }
    return false;
  }
}
