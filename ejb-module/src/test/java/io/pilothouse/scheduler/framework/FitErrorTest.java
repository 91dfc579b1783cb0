package io.pilothouse.scheduler.framework;

import static io.pilothouse.scheduler.Fixtures.node;
import static io.pilothouse.scheduler.Fixtures.pod;
import static io.pilothouse.scheduler.Fixtures.taint;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.pilothouse.scheduler.cache.Snapshot;
import io.pilothouse.scheduler.plugins.DefaultPlugins;
import io.pilothouse.scheduler.plugins.nopreemption.NoPreemption;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FitErrorTest {

  private static ScheduleResult schedule(Profile profile, Pod pod, Node... nodes) {
    Framework framework =
        new Framework(
            DefaultPlugins.registry(), profile, InstantSource.system(), b -> {}, new Random(1));
    List<NodeInfo> infos = new ArrayList<>();
    for (Node node : nodes) {
      infos.add(NodeInfo.of(node));
    }
    return framework.schedule(new CycleState(), PodInfo.of(pod), Snapshot.of(infos));
  }

  private static Node unreachable(String name) {
    return new NodeBuilder(node(name).build())
        .editSpec()
        .withTaints(taint("node.kubernetes.io/unreachable", null, "NoExecute"))
        .endSpec()
        .build();
  }

  @Test
  void messageMatchesUpstreamExactly() {
    ScheduleResult result =
        schedule(
            DefaultPlugins.profile(),
            pod("web", "2", null).build(),
            unreachable("n1"),
            small("n2"),
            small("n3"));

    assertThat(result.isSuccess()).isFalse();
    assertThat(result.fitError().message())
        .isEqualTo(
            "0/3 nodes are available: 1 node(s) had untolerated taint"
                + " {node.kubernetes.io/unreachable: }, 2 Insufficient cpu. preemption: 0/3 nodes"
                + " are available: 3 Preemption is not helpful for scheduling.");
    assertThat(result.fitError().unschedulablePlugins())
        .containsExactly("NodeResourcesFit", "TaintToleration");
  }

  @Test
  void withoutThePreemptionSentenceWhenNoPreemptionIsNotInTheProfile() {
    ScheduleResult result =
        schedule(
            DefaultPlugins.profile().without(NoPreemption.NAME),
            pod("web", "2", "10Gi").build(),
            small("n1"));

    assertThat(result.fitError().message())
        .isEqualTo("0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory.");
  }

  @Test
  void preemptionPolicyNeverIsSaidAsUpstreamSaysIt() {
    Pod pod =
        new PodBuilder(pod("web", "2", null).build())
            .editSpec()
            .withPreemptionPolicy("Never")
            .endSpec()
            .build();

    ScheduleResult result = schedule(DefaultPlugins.profile(), pod, small("n1"));

    assertThat(result.fitError().message())
        .isEqualTo(
            "0/1 nodes are available: 1 Insufficient cpu. not eligible due to preemptionPolicy=Never.");
  }

  @Test
  void noNodesAtAll() {
    ScheduleResult result = schedule(DefaultPlugins.profile(), pod("web"));

    assertThat(result.fitError().message()).isEqualTo("no nodes available to schedule pods");
  }

  @Test
  void countsAreSortedAsStringsLikeGoSortStrings() {
    Map<String, Status> statuses = new LinkedHashMap<>();
    for (int i = 0; i < 10; i++) {
      statuses.put("a" + i, Status.unschedulable("Insufficient memory"));
    }
    statuses.put("b1", Status.unschedulable("Insufficient cpu"));
    statuses.put("b2", Status.unschedulable("Insufficient cpu"));
    statuses.put("c", Status.unschedulableAndUnresolvable("node(s) were unschedulable"));

    FitError error = new FitError(PodInfo.of(pod("p")), 13, statuses, "", "");

    assertThat(error.message())
        .isEqualTo(
            "0/13 nodes are available: 1 node(s) were unschedulable, 10 Insufficient memory,"
                + " 2 Insufficient cpu.");
  }

  @Test
  void preFilterMessageReplacesTheHistogram() {
    Map<String, Status> statuses = Map.of("n1", Status.unschedulable("ignored"));

    FitError error =
        new FitError(PodInfo.of(pod("p")), 2, statuses, "node(s) had volume conflicts", "x.");

    assertThat(error.message())
        .isEqualTo("0/2 nodes are available: node(s) had volume conflicts. x.");
  }

  /** A node with 1 cpu and 2Gi. */
  private static Node small(String name) {
    return node(name, "1", "2Gi", "110");
  }
}
