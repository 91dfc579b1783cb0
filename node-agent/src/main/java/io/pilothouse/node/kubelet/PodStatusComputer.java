package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.pilothouse.node.runtime.ContainerStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Computes a pod's status from what its worker knows, with upstream's rules: the phase
 * (Pending/Running/Succeeded/Failed), the conditions PodScheduled, Initialized, ContainersReady and
 * Ready (keeping each lastTransitionTime while its status is unchanged, and any condition it does
 * not own), and a containerStatus per init and regular container.
 */
final class PodStatusComputer {

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /** The worker's view of the pod, as input to the computation. */
  record Input(
      Pod pod,
      Collection<ContainerRecord> initContainers,
      Collection<ContainerRecord> containers,
      boolean initialized,
      String phase,
      String podIp,
      String hostIp,
      Instant startTime,
      boolean terminating) {}

  private PodStatusComputer() {}

  static String time(Instant instant) {
    return instant == null ? null : TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  static PodStatus compute(Input in, Instant now) {
    PodStatus old = in.pod().getStatus() == null ? new PodStatus() : in.pod().getStatus();
    boolean terminal = "Succeeded".equals(in.phase()) || "Failed".equals(in.phase());
    List<String> unready = in.containers().stream().filter(r -> !r.ready).map(r -> r.name).toList();
    List<String> uninitialized =
        in.initContainers().stream()
            .filter(r -> !(r.sidecar() ? r.started : r.succeeded()))
            .map(r -> r.name)
            .toList();
    boolean containersReady = unready.isEmpty() && !terminal;
    List<PodCondition> conditions = new ArrayList<>();
    conditions.add(condition(old, "PodScheduled", true, null, null, now));
    conditions.add(
        condition(
            old,
            "Initialized",
            in.initialized(),
            "ContainersNotInitialized",
            "containers with incomplete status: " + list(uninitialized),
            now));
    String notReadyReason = terminal ? "PodCompleted" : "ContainersNotReady";
    String notReadyMessage = terminal ? null : "containers with unready status: " + list(unready);
    conditions.add(
        condition(old, "ContainersReady", containersReady, notReadyReason, notReadyMessage, now));
    conditions.add(
        condition(
            old,
            "Ready",
            containersReady && readinessGates(in.pod()),
            notReadyReason,
            notReadyMessage,
            now));
    if (old.getConditions() != null) {
      for (PodCondition c : old.getConditions()) {
        if (conditions.stream().noneMatch(o -> o.getType().equals(c.getType()))) {
          conditions.add(c);
        }
      }
    }
    PodStatusBuilder b =
        new PodStatusBuilder(old)
            .withPhase(in.phase())
            .withConditions(conditions)
            .withHostIP(in.hostIp())
            .withHostIPs(in.hostIp() == null ? List.of() : List.of(new HostIP(in.hostIp())))
            .withPodIP(in.podIp())
            .withPodIPs(in.podIp() == null ? List.of() : List.of(new PodIP(in.podIp())))
            .withStartTime(old.getStartTime() != null ? old.getStartTime() : time(in.startTime()))
            .withQosClass(old.getQosClass() != null ? old.getQosClass() : qosClass(in.pod()))
            .withInitContainerStatuses(statuses(in.initContainers(), in, true))
            .withContainerStatuses(statuses(in.containers(), in, false));
    return b.build();
  }

  /** Upstream's QoS class: Guaranteed, Burstable or BestEffort from requests and limits. */
  static String qosClass(Pod pod) {
    boolean any = false;
    boolean guaranteed = true;
    List<io.fabric8.kubernetes.api.model.Container> all =
        new ArrayList<>(pod.getSpec().getContainers());
    if (pod.getSpec().getInitContainers() != null) {
      all.addAll(pod.getSpec().getInitContainers());
    }
    for (var c : all) {
      var r = c.getResources();
      var requests =
          r == null || r.getRequests() == null
              ? java.util.Map.<String, io.fabric8.kubernetes.api.model.Quantity>of()
              : r.getRequests();
      var limits =
          r == null || r.getLimits() == null
              ? java.util.Map.<String, io.fabric8.kubernetes.api.model.Quantity>of()
              : r.getLimits();
      any |= !requests.isEmpty() || !limits.isEmpty();
      for (String res : List.of("cpu", "memory")) {
        var limit = limits.get(res);
        var request = requests.getOrDefault(res, limit);
        if (limit == null
            || request == null
            || limit.getNumericalAmount().compareTo(request.getNumericalAmount()) != 0) {
          guaranteed = false;
        }
      }
    }
    return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
  }

  private static boolean readinessGates(Pod pod) {
    if (pod.getSpec().getReadinessGates() == null || pod.getSpec().getReadinessGates().isEmpty()) {
      return true;
    }
    List<PodCondition> existing =
        pod.getStatus() == null || pod.getStatus().getConditions() == null
            ? List.of()
            : pod.getStatus().getConditions();
    return pod.getSpec().getReadinessGates().stream()
        .allMatch(
            g ->
                existing.stream()
                    .anyMatch(
                        c ->
                            c.getType().equals(g.getConditionType())
                                && "True".equals(c.getStatus())));
  }

  private static String list(List<String> names) {
    return "[" + String.join(" ", names) + "]";
  }

  private static PodCondition condition(
      PodStatus old, String type, boolean status, String reason, String message, Instant now) {
    String value = status ? "True" : "False";
    PodCondition previous =
        old.getConditions() == null
            ? null
            : old.getConditions().stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst()
                .orElse(null);
    if ("PodScheduled".equals(type) && previous != null) {
      return previous;
    }
    String transition =
        previous != null
                && value.equals(previous.getStatus())
                && previous.getLastTransitionTime() != null
            ? previous.getLastTransitionTime()
            : time(now);
    return new PodConditionBuilder()
        .withType(type)
        .withStatus(value)
        .withLastTransitionTime(transition)
        .withReason(status ? null : reason)
        .withMessage(status ? null : message)
        .build();
  }

  private static List<io.fabric8.kubernetes.api.model.ContainerStatus> statuses(
      Collection<ContainerRecord> records, Input in, boolean init) {
    return records.stream().map(r -> status(r, in, init)).collect(Collectors.toList());
  }

  private static io.fabric8.kubernetes.api.model.ContainerStatus status(
      ContainerRecord r, Input in, boolean init) {
    ContainerStatusBuilder b =
        new ContainerStatusBuilder()
            .withName(r.name)
            .withImage(r.spec.getImage())
            .withImageID(r.imageRef == null ? "" : r.imageRef)
            .withRestartCount(r.restartCount)
            .withReady(r.ready)
            .withStarted(r.running() && r.started);
    if (r.current != null) {
      b.withContainerID(r.current.externalId());
    }
    ContainerState state;
    ContainerStatus lastTerminated = r.previous != null && r.previous.exited() ? r.previous : null;
    if (r.waitingReason != null) {
      state = waiting(r.waitingReason, r.waitingMessage);
      if ("CrashLoopBackOff".equals(r.waitingReason) && r.exited()) {
        lastTerminated = r.current;
      }
    } else if (r.current == null) {
      boolean initPending = !init && !in.initialized() || init && !in.initContainers().isEmpty();
      state = waiting(initPending ? "PodInitializing" : "ContainerCreating", null);
    } else if (r.running()) {
      state =
          new ContainerStateBuilder()
              .withNewRunning()
              .withStartedAt(time(r.current.startedAt()))
              .endRunning()
              .build();
    } else if (r.exited()) {
      state = terminated(r.current);
    } else {
      state = waiting("ContainerCreating", null);
    }
    b.withState(state);
    b.withLastState(lastTerminated == null ? new ContainerState() : terminated(lastTerminated));
    return b.build();
  }

  private static ContainerState waiting(String reason, String message) {
    return new ContainerStateBuilder()
        .withNewWaiting()
        .withReason(reason)
        .withMessage(message)
        .endWaiting()
        .build();
  }

  private static ContainerState terminated(ContainerStatus s) {
    return new ContainerStateBuilder()
        .withNewTerminated()
        .withExitCode(s.exitCode())
        .withReason(s.reason())
        .withMessage(s.message())
        .withStartedAt(time(s.startedAt()))
        .withFinishedAt(time(s.finishedAt()))
        .withContainerID(s.externalId())
        .endTerminated()
        .build();
  }

  /** Upstream's phase rules for a pod whose init containers are {@code initialized} (or not). */
  static String phase(
      Pod pod,
      Collection<ContainerRecord> inits,
      Collection<ContainerRecord> containers,
      boolean initialized,
      boolean terminating) {
    String policy = terminating ? "Never" : restartPolicy(pod);
    boolean initFailed =
        inits.stream().anyMatch(r -> !r.sidecar() && r.exited() && r.current.exitCode() != 0);
    if (initFailed && "Never".equals(policy)) {
      return "Failed";
    }
    if (!initialized) {
      return "Pending";
    }
    int running = 0;
    int waiting = 0;
    int stopped = 0;
    int succeeded = 0;
    for (ContainerRecord r : containers) {
      if (r.running()) {
        running++;
      } else if (r.exited()) {
        stopped++;
        if (r.current.exitCode() == 0 && r.waitingReason == null) {
          succeeded++;
        }
      } else {
        waiting++;
      }
    }
    if (waiting > 0) {
      return "Pending";
    }
    if (running > 0) {
      return "Running";
    }
    if (stopped == 0) {
      return "Pending";
    }
    if ("Always".equals(policy)) {
      return "Running";
    }
    if (stopped == succeeded) {
      return "Succeeded";
    }
    return "OnFailure".equals(policy) ? "Running" : "Failed";
  }

  static String restartPolicy(Pod pod) {
    String policy = pod.getSpec().getRestartPolicy();
    return policy == null || policy.isEmpty() ? "Always" : policy;
  }
}
