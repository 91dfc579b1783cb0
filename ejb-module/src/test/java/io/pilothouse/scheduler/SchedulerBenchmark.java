package io.pilothouse.scheduler;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Throughput of the scheduling logic alone (queue → framework → cache → binder), without the store:
 * N nodes, 10,000 pending pods created in bulk, bindings fed back to the scheduler in batches of
 * 100 as the change feed would. Run: {@code java -cp … SchedulerBenchmark [nodes…]}. Prints pods
 * per wall-clock second and per CPU second of the scheduling thread (the latter is what the logic
 * costs, independent of other load on the machine). Not a test (no {@code Test} suffix): Surefire
 * does not run it.
 */
public final class SchedulerBenchmark {

  private static final int PODS = 10_000;

  public static void main(String[] args) {
    java.util.logging.Logger.getLogger("io.pilothouse.scheduler")
        .setLevel(java.util.logging.Level.SEVERE);
    int[] sizes =
        args.length == 0
            ? new int[] {500, 5000}
            : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    run(500, 5_000, false);
    for (int nodes : sizes) {
      for (boolean mixed : new boolean[] {false, true}) {
        double[] rate = run(nodes, PODS, mixed);
        System.out.printf(
            "%5d nodes, %d pods, %-5s: %6.0f pods/s wall, %6.0f pods/s per CPU second%n",
            nodes, PODS, mixed ? "mixed" : "plain", rate[0], rate[1]);
      }
    }
  }

  /** Schedules the pods; returns pods bound per wall-clock second and per CPU second. */
  static double[] run(int nodeCount, int podCount, boolean mixed) {
    List<Pod> bound = new ArrayList<>();
    Map<String, Pod> pending = new HashMap<>();
    Scheduler scheduler =
        Scheduler.builder()
            .binder(binding -> bound.add(bind(pending, binding)))
            .random(new Random(1))
            .build();
    addNodes(scheduler, nodeCount);
    for (int i = 0; i < podCount; i++) {
      Pod pod = pod(i, mixed);
      pending.put(pod.getMetadata().getName(), pod);
      scheduler.podChanged(pod);
    }
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    int done = 0;
    while (scheduler.scheduleOne().isPresent() || scheduler.queue().hasActivePods()) {
      if (bound.size() >= 100) {
        done += observe(scheduler, bound);
      }
    }
    done += observe(scheduler, bound);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    if (done != podCount) {
      throw new IllegalStateException("bound " + done + " of " + podCount);
    }
    return new double[] {done / seconds, done / cpuSeconds};
  }

  /** Feeds the bound pods back, as the change feed delivers the bindings. */
  private static int observe(Scheduler scheduler, List<Pod> bound) {
    bound.forEach(scheduler::podChanged);
    int observed = bound.size();
    bound.clear();
    return observed;
  }

  private static void addNodes(Scheduler scheduler, int nodeCount) {
    for (int i = 0; i < nodeCount; i++) {
      scheduler.nodeChanged(
          Fixtures.node("node-" + i)
              .editMetadata()
              .addToLabels("topology.kubernetes.io/zone", "zone-" + (i % 4))
              .addToLabels("pool", i % 2 == 0 ? "general" : "compute")
              .endMetadata()
              .editStatus()
              .withAllocatable(Fixtures.resources("32", "128Gi", "110"))
              .endStatus()
              .build());
    }
  }

  private static Pod bind(Map<String, Pod> pending, Binding binding) {
    Pod pod = pending.remove(binding.getMetadata().getName());
    return new PodBuilder(pod)
        .editSpec()
        .withNodeName(binding.getTarget().getName())
        .endSpec()
        .build();
  }

  private static Pod pod(int i, boolean mixed) {
    Pod pod =
        Fixtures.pod("pod-" + i, (100 + (i % 5) * 50) + "m", (128 + (i % 3) * 64) + "Mi").build();
    pod.getMetadata().getLabels().put("app", "app-" + (i % 20));
    if (mixed && i % 3 == 1) {
      pod.getSpec()
          .getTopologySpreadConstraints()
          .add(
              new TopologySpreadConstraintBuilder()
                  .withMaxSkew(1)
                  .withTopologyKey("topology.kubernetes.io/zone")
                  .withWhenUnsatisfiable("ScheduleAnyway")
                  .withLabelSelector(Fixtures.selector("app", "app-" + (i % 20)))
                  .build());
    } else if (mixed && i % 3 == 2) {
      pod.getSpec()
          .setAffinity(
              new io.fabric8.kubernetes.api.model.AffinityBuilder()
                  .withNewNodeAffinity()
                  .withPreferredDuringSchedulingIgnoredDuringExecution(
                      new PreferredSchedulingTerm(
                          new NodeSelectorTerm(
                              List.of(
                                  new NodeSelectorRequirement("pool", "In", List.of("compute"))),
                              List.of()),
                          50))
                  .endNodeAffinity()
                  .build());
    }
    return pod;
  }
}
