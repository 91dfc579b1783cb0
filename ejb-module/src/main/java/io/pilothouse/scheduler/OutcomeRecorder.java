package io.pilothouse.scheduler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.spi.PodConditionUpdater;
import io.pilothouse.scheduler.spi.SchedulerEvents;
import java.time.InstantSource;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the cluster what became of a pod: the {@code Scheduled} event, or the {@code
 * FailedScheduling} event plus the {@code PodScheduled=False} condition (written only when it
 * changes). A failing recorder is logged, never allowed to break the scheduling loop.
 */
final class OutcomeRecorder {

  private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class.getName());

  private final SchedulerEvents events;
  private final PodConditionUpdater conditions;
  private final InstantSource clock;

  OutcomeRecorder(SchedulerEvents events, PodConditionUpdater conditions, InstantSource clock) {
    this.events = events;
    this.conditions = conditions;
    this.clock = clock;
  }

  void scheduled(PodInfo pod, String nodeName) {
    String message = "Successfully assigned " + pod.key() + " to " + nodeName;
    safely(() -> events.scheduled(pod.pod(), nodeName, message));
  }

  void failed(Pod pod, String reason, String message) {
    safely(() -> events.failedScheduling(pod, message));
    PodCondition condition = PodScheduledCondition.changed(pod, reason, message, clock.instant());
    if (condition != null) {
      safely(() -> conditions.updatePodCondition(pod, condition));
    }
  }

  private static void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "recording a scheduling outcome failed", e);
    }
  }
}
