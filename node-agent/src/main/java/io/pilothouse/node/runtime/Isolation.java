package io.pilothouse.node.runtime;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * How the process runtime isolates a container on this host: its own PID and mount namespaces
 * (volumes bind-mounted at their mountPath, the whole container killed with its namespace's init)
 * when {@code unshare} works here, otherwise only its own process group.
 */
public record Isolation(boolean namespaces, String description) {

  /** Tries {@code unshare --pid --mount-proc} once and reports what this host allows. */
  public static Isolation detect() {
    try {
      Process probe =
          new ProcessBuilder(
                  "unshare", "--pid", "--fork", "--kill-child=SIGKILL", "--mount-proc", "true")
              .redirectErrorStream(true)
              .start();
      boolean done = probe.waitFor(5, TimeUnit.SECONDS);
      String output = new String(probe.getInputStream().readAllBytes()).trim();
      if (done && probe.exitValue() == 0) {
        return namespaced();
      }
      probe.destroyForcibly();
      return processGroups(
          "own PID and mount namespaces unavailable ("
              + (output.isEmpty() ? "unshare failed" : output)
              + "): containers run in their own process group only, volumes are not mounted at"
              + " mountPath");
    } catch (IOException e) {
      return processGroups(
          "unshare not runnable ("
              + e.getMessage()
              + "): containers run in their own process group only");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return processGroups("isolation probe interrupted");
    }
  }

  public static Isolation namespaced() {
    return new Isolation(true, "own PID and mount namespaces per container (unshare)");
  }

  public static Isolation processGroups(String why) {
    return new Isolation(false, why);
  }
}
