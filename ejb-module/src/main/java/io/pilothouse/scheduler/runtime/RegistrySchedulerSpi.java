package io.pilothouse.scheduler.runtime;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.pilothouse.api.StatusException;
import io.pilothouse.controller.EventRecorder;
import io.pilothouse.controller.ObjectClient;
import io.pilothouse.scheduler.spi.Binder;
import io.pilothouse.scheduler.spi.PodConditionUpdater;
import io.pilothouse.scheduler.spi.SchedulerEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The scheduler's collaborators over the object client: binds through {@code pods/binding}, records
 * {@code Scheduled} / {@code FailedScheduling} events as {@code default-scheduler}, and sets the
 * {@code PodScheduled} condition through the pod's status subresource, replacing only that
 * condition (read, change, write; a conflict is retried on fresh data).
 */
public final class RegistrySchedulerSpi implements Binder, SchedulerEvents, PodConditionUpdater {

  /** Upstream's scheduler name and event source component. */
  public static final String COMPONENT = "default-scheduler";

  private static final int CONDITION_ATTEMPTS = 3;

  private final ObjectClient client;
  private final EventRecorder events;

  public RegistrySchedulerSpi(ObjectClient client, EventRecorder events) {
    this.client = client;
    this.events = events;
  }

  @Override
  public void bind(Binding binding) {
    client.bind(
        binding.getMetadata().getNamespace(),
        binding.getMetadata().getName(),
        binding.getMetadata().getUid(),
        binding.getTarget().getName());
  }

  @Override
  public void scheduled(Pod pod, String nodeName, String message) {
    events.normal(pod, COMPONENT, "Scheduled", message);
  }

  @Override
  public void failedScheduling(Pod pod, String message) {
    events.warning(pod, COMPONENT, "FailedScheduling", message);
  }

  @Override
  public void updatePodCondition(Pod pod, PodCondition condition) {
    String namespace = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    for (int attempt = 1; ; attempt++) {
      Optional<Pod> current = client.get(Pod.class, namespace, name);
      if (current.isEmpty()
          || !current.get().getMetadata().getUid().equals(pod.getMetadata().getUid())) {
        return;
      }
      try {
        client.updateStatus(withCondition(current.get(), condition));
        return;
      } catch (StatusException e) {
        if (e.code() != 409 || attempt == CONDITION_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  static Pod withCondition(Pod pod, PodCondition condition) {
    PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    List<PodCondition> conditions = new ArrayList<>();
    if (status.getConditions() != null) {
      status.getConditions().stream()
          .filter(c -> !condition.getType().equals(c.getType()))
          .forEach(conditions::add);
    }
    conditions.add(condition);
    status.setConditions(conditions);
    if (status.getPhase() == null) {
      status.setPhase("Pending");
    }
    pod.setStatus(status);
    return pod;
  }
}
