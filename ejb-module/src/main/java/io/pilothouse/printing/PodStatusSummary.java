package io.pilothouse.printing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The READY, STATUS and RESTARTS of a pod, derived exactly as upstream's {@code printPod}: the
 * first unfinished init container decides ({@code Init:1/3}, {@code Init:CrashLoopBackOff}),
 * otherwise the last container with a waiting or terminated reason ({@code ContainerCreating},
 * {@code CrashLoopBackOff}, {@code Completed}, {@code Error}), then deletion ({@code Terminating},
 * {@code Unknown} for pods on a lost node). Restartable init containers (sidecars) count as
 * containers.
 */
public final class PodStatusSummary {

  private final JsonNode pod;
  private final Map<String, JsonNode> initContainerSpecs = new HashMap<>();
  private String reason;
  private int ready;
  private int total;
  private long restarts;
  private long sidecarRestarts;
  private Instant lastRestart;
  private Instant lastSidecarRestart;

  private PodStatusSummary(JsonNode pod) {
    this.pod = pod;
  }

  /** Summarizes {@code pod}. */
  public static PodStatusSummary of(JsonNode pod) {
    PodStatusSummary summary = new PodStatusSummary(pod);
    summary.summarize();
    return summary;
  }

  /** The READY cell, such as {@code 1/2}. */
  public String readyCell() {
    return ready + "/" + total;
  }

  /** The STATUS cell. */
  public String reason() {
    return reason;
  }

  /** The RESTARTS cell: a count, with the age of the last restart when there was one. */
  public String restartsCell(Instant now) {
    if (restarts != 0 && lastRestart != null) {
      return restarts + " (" + Timestamps.since(lastRestart, now) + " ago)";
    }
    return Long.toString(restarts);
  }

  private void summarize() {
    String phase = Fields.text(pod, "status", "phase");
    String statusReason = Fields.text(pod, "status", "reason");
    reason = statusReason.isEmpty() ? phase : statusReason;
    for (JsonNode condition : Fields.items(pod, "status", "conditions")) {
      if (Fields.text(condition, "type").equals("PodScheduled")
          && Fields.text(condition, "reason").equals("SchedulingGated")) {
        reason = "SchedulingGated";
      }
    }
    total = Fields.items(pod, "spec", "containers").size();
    for (JsonNode spec : Fields.items(pod, "spec", "initContainers")) {
      initContainerSpecs.put(Fields.text(spec, "name"), spec);
      if (isRestartable(spec)) {
        total++;
      }
    }
    boolean initializing = summarizeInitContainers();
    if (!initializing || isInitialized()) {
      summarizeContainers();
    }
    if (!Fields.text(pod, "metadata", "deletionTimestamp").isEmpty()) {
      if (statusReason.equals("NodeLost")) {
        reason = "Unknown";
      } else if (!phase.equals("Failed") && !phase.equals("Succeeded")) {
        reason = "Terminating";
      }
    }
  }

  /** Walks the init containers in order; true when one of them still holds the pod back. */
  private boolean summarizeInitContainers() {
    List<JsonNode> statuses = Fields.items(pod, "status", "initContainerStatuses");
    int declared = Fields.items(pod, "spec", "initContainers").size();
    for (int i = 0; i < statuses.size(); i++) {
      JsonNode status = statuses.get(i);
      boolean restartable = isRestartable(initContainerSpecs.get(Fields.text(status, "name")));
      countRestarts(status, restartable);
      if (Fields.present(status, "state", "terminated")
          && Fields.number(status, "state", "terminated", "exitCode") == 0) {
        continue;
      }
      if (restartable && Fields.isTrue(status, "started")) {
        if (Fields.isTrue(status, "ready")) {
          ready++;
        }
        continue;
      }
      reason = initReason(status, i, declared);
      return true;
    }
    return false;
  }

  private static String initReason(JsonNode status, int index, int declared) {
    if (Fields.present(status, "state", "terminated")) {
      return "Init:" + terminatedReason(Fields.at(status, "state", "terminated"));
    }
    String waiting = Fields.text(status, "state", "waiting", "reason");
    if (!waiting.isEmpty() && !waiting.equals("PodInitializing")) {
      return "Init:" + waiting;
    }
    return "Init:" + index + "/" + declared;
  }

  private void countRestarts(JsonNode status, boolean restartable) {
    long count = Fields.number(status, "restartCount");
    Instant finished = Fields.time(status, "lastState", "terminated", "finishedAt");
    restarts += count;
    lastRestart = Timestamps.later(lastRestart, finished);
    if (restartable) {
      sidecarRestarts += count;
      lastSidecarRestart = Timestamps.later(lastSidecarRestart, finished);
    }
  }

  /** Walks the app containers from last to first, as upstream does. */
  private void summarizeContainers() {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    boolean hasRunning = false;
    String errorReason = "";
    List<JsonNode> statuses = Fields.items(pod, "status", "containerStatuses");
    for (int i = statuses.size() - 1; i >= 0; i--) {
      JsonNode status = statuses.get(i);
      restarts += Fields.number(status, "restartCount");
      lastRestart =
          Timestamps.later(
              lastRestart, Fields.time(status, "lastState", "terminated", "finishedAt"));
      String waiting = Fields.text(status, "state", "waiting", "reason");
      if (!waiting.isEmpty()) {
        reason = waiting;
      } else if (Fields.present(status, "state", "terminated")) {
        JsonNode terminated = Fields.at(status, "state", "terminated");
        reason = terminatedReason(terminated);
        if (Fields.number(terminated, "exitCode") != 0) {
          errorReason = reason;
        }
      } else if (Fields.isTrue(status, "ready") && Fields.present(status, "state", "running")) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason.equals("Completed")) {
      if (hasRunning && hasReadyCondition()) {
        reason = "Running";
      } else if (!errorReason.isEmpty()) {
        reason = errorReason;
      } else if (hasRunning) {
        reason = "NotReady";
      }
    }
  }

  private static String terminatedReason(JsonNode terminated) {
    String text = Fields.text(terminated, "reason");
    if (!text.isEmpty()) {
      return text;
    }
    long signal = Fields.number(terminated, "signal");
    return signal != 0 ? "Signal:" + signal : "ExitCode:" + Fields.number(terminated, "exitCode");
  }

  /** The first {@code Initialized} condition is {@code True}. */
  private boolean isInitialized() {
    for (JsonNode condition : Fields.items(pod, "status", "conditions")) {
      if (Fields.text(condition, "type").equals("Initialized")) {
        return Fields.text(condition, "status").equals("True");
      }
    }
    return false;
  }

  /** Some {@code Ready} condition is {@code True}. */
  private boolean hasReadyCondition() {
    return Fields.items(pod, "status", "conditions").stream()
        .anyMatch(
            c -> Fields.text(c, "type").equals("Ready") && Fields.text(c, "status").equals("True"));
  }

  private static boolean isRestartable(JsonNode initContainerSpec) {
    return initContainerSpec != null
        && Fields.text(initContainerSpec, "restartPolicy").equals("Always");
  }
}
