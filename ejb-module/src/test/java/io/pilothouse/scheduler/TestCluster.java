package io.pilothouse.scheduler;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.pilothouse.scheduler.framework.Pods;
import io.pilothouse.scheduler.spi.Binder;
import io.pilothouse.scheduler.spi.PodConditionUpdater;
import io.pilothouse.scheduler.spi.SchedulerEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A fake API around a real {@link Scheduler}: it stores pods and nodes, applies bindings and
 * conditions to its pods, records events, and feeds changes back to the scheduler as the change
 * feed would — bindings only when {@link #observeBindings()} is called, to model a slow watch.
 */
public final class TestCluster implements Binder, SchedulerEvents, PodConditionUpdater {

  public final FakeClock clock = new FakeClock();
  public final Map<String, Pod> pods = new LinkedHashMap<>();
  public final List<String> events = new ArrayList<>();
  public final List<PodCondition> conditions = new ArrayList<>();
  public final Scheduler scheduler;
  private final List<Pod> unobserved = new ArrayList<>();
  public RuntimeException failBindingWith;

  public TestCluster() {
    scheduler =
        Scheduler.builder()
            .clock(clock)
            .binder(this)
            .events(this)
            .conditions(this)
            .random(new Random(7))
            .build();
  }

  public void addNode(Node node) {
    scheduler.nodeChanged(node);
  }

  public void addPod(Pod pod) {
    pods.put(Pods.key(pod), pod);
    scheduler.podChanged(pod);
  }

  @Override
  public void bind(Binding binding) {
    if (failBindingWith != null) {
      throw failBindingWith;
    }
    String key = binding.getMetadata().getNamespace() + "/" + binding.getMetadata().getName();
    Pod bound =
        new PodBuilder(pods.get(key))
            .editSpec()
            .withNodeName(binding.getTarget().getName())
            .endSpec()
            .build();
    pods.put(key, bound);
    unobserved.add(bound);
  }

  /** Delivers the bound pods to the scheduler, as the watch eventually does. */
  public void observeBindings() {
    unobserved.forEach(scheduler::podChanged);
    unobserved.clear();
  }

  @Override
  public void scheduled(Pod pod, String nodeName, String message) {
    events.add("Scheduled: " + message);
  }

  @Override
  public void failedScheduling(Pod pod, String message) {
    events.add("FailedScheduling: " + message);
  }

  @Override
  public void updatePodCondition(Pod pod, PodCondition condition) {
    conditions.add(condition);
    Pod updated =
        new PodBuilder(pods.get(Pods.key(pod)))
            .withNewStatus()
            .withConditions(condition)
            .endStatus()
            .build();
    pods.put(Pods.key(pod), updated);
    scheduler.podChanged(updated);
  }

  /** Runs scheduling cycles until no pod is ready; returns how many were bound. */
  public int schedule() {
    return scheduler.scheduleAll(100_000);
  }

  /** The node a pod is bound to, or null. */
  public String nodeOf(String name) {
    return Pods.nodeName(pods.get("default/" + name));
  }

  public String lastEvent() {
    return events.get(events.size() - 1);
  }
}
