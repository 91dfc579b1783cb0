package io.pilothouse.dashboard;

import java.util.Set;

/**
 * The one mapping of object states to badge severities, so every page colours a state alike:
 * running and ready are success, pending and creating are warning, failures are danger, finished
 * work is info.
 */
public final class Severities {

  private static final Set<String> DANGER =
      Set.of(
          "Failed",
          "Error",
          "CrashLoopBackOff",
          "ImagePullBackOff",
          "ErrImagePull",
          "NotReady",
          "Unknown",
          "OOMKilled",
          "Evicted");

  private Severities() {}

  /** Severity of a pod's printed status, falling back to its phase. */
  public static String ofStatus(String status, String phase) {
    if (status == null || status.isEmpty()) {
      status = phase;
    }
    if (status == null || status.isEmpty()) {
      return "secondary";
    }
    if (DANGER.contains(status) || status.startsWith("Init:Error") || status.contains("BackOff")) {
      return "danger";
    }
    return switch (status) {
      case "Running", "Ready", "Active", "Normal", "True" -> "success";
      case "Succeeded", "Completed" -> "info";
      case "Terminating" -> "secondary";
      default -> "warning";
    };
  }
}
