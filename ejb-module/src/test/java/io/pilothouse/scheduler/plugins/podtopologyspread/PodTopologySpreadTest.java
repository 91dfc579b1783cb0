package io.pilothouse.scheduler.plugins.podtopologyspread;

import static io.pilothouse.scheduler.Fixtures.node;
import static io.pilothouse.scheduler.Fixtures.pod;
import static io.pilothouse.scheduler.Fixtures.selector;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.Status;
import io.pilothouse.scheduler.plugins.PluginHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodTopologySpreadTest {

  private static final String ZONE = "topology.kubernetes.io/zone";
  private static final String HOST = "kubernetes.io/hostname";

  private static NodeInfo zoned(String name, String zone, int webPods) {
    var builder = node(name);
    if (zone != null) {
      builder.editMetadata().addToLabels(ZONE, zone).endMetadata();
    }
    NodeInfo info = NodeInfo.of(builder.build());
    for (int i = 0; i < webPods; i++) {
      info.addPod(PodInfo.of(web(name + "-web" + i)).withNodeName(name));
    }
    return info;
  }

  private static Pod web(String name) {
    return new PodBuilder(pod(name)).editMetadata().addToLabels("app", "web").endMetadata().build();
  }

  private static TopologySpreadConstraintBuilder constraint(String key, String when) {
    return new TopologySpreadConstraintBuilder()
        .withMaxSkew(1)
        .withTopologyKey(key)
        .withWhenUnsatisfiable(when)
        .withLabelSelector(selector("app", "web"));
  }

  private static Pod spread(Pod pod, TopologySpreadConstraint... constraints) {
    return new PodBuilder(pod)
        .editSpec()
        .withTopologySpreadConstraints(constraints)
        .endSpec()
        .build();
  }

  private static List<String> feasible(Map<String, Status> statuses) {
    List<String> names = new ArrayList<>();
    statuses.forEach(
        (name, status) -> {
          if (status.isSuccess()) {
            names.add(name);
          }
        });
    names.sort(null);
    return names;
  }

  static Stream<Arguments> filterCases() {
    PluginHarness twoAOneB =
        PluginHarness.of(zoned("n1", "a", 1), zoned("n2", "a", 1), zoned("n3", "b", 0));
    PluginHarness oneEach = PluginHarness.of(zoned("n1", "a", 1), zoned("n3", "b", 1));
    Pod zoneDoNotSchedule = spread(web("p"), constraint(ZONE, "DoNotSchedule").build());
    Pod pinnedToA =
        new PodBuilder(zoneDoNotSchedule).editSpec().addToNodeSelector(ZONE, "a").endSpec().build();
    Pod pinnedIgnoringAffinity =
        spread(
            new PodBuilder(web("p")).editSpec().addToNodeSelector(ZONE, "a").endSpec().build(),
            constraint(ZONE, "DoNotSchedule").withNodeAffinityPolicy("Ignore").build());
    return Stream.of(
        Arguments.of("no constraints", twoAOneB, web("p"), List.of("n1", "n2", "n3")),
        Arguments.of("zone maxSkew 1", twoAOneB, zoneDoNotSchedule, List.of("n3")),
        Arguments.of(
            "hostname maxSkew 1",
            twoAOneB,
            spread(web("p"), constraint(HOST, "DoNotSchedule").build()),
            List.of("n3")),
        Arguments.of("balanced domains accept", oneEach, zoneDoNotSchedule, List.of("n1", "n3")),
        Arguments.of(
            "minDomains above the domain count makes the minimum 0",
            oneEach,
            spread(web("p"), constraint(ZONE, "DoNotSchedule").withMinDomains(3).build()),
            List.of()),
        Arguments.of(
            "nodeAffinityPolicy Honor counts only zone a",
            twoAOneB,
            pinnedToA,
            List.of("n1", "n2", "n3")),
        Arguments.of(
            "nodeAffinityPolicy Ignore counts zone b too",
            twoAOneB,
            pinnedIgnoringAffinity,
            List.of("n3")),
        Arguments.of(
            "ScheduleAnyway never filters",
            twoAOneB,
            spread(web("p"), constraint(ZONE, "ScheduleAnyway").build()),
            List.of("n1", "n2", "n3")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filterCases")
  void filter(String name, PluginHarness harness, Pod pod, List<String> expected) {
    PodTopologySpread plugin = new PodTopologySpread(harness);

    Map<String, Status> statuses = harness.filter(plugin, PodInfo.of(pod));

    assertThat(feasible(statuses)).isEqualTo(expected);
    statuses.values().stream()
        .filter(s -> !s.isSuccess())
        .forEach(
            s ->
                assertThat(s)
                    .isEqualTo(
                        Status.unschedulable(
                            "node(s) didn't match pod topology spread constraints")));
  }

  @Test
  void nodeWithoutTheTopologyKeyIsUnresolvable() {
    PluginHarness harness = PluginHarness.of(zoned("n1", "a", 0), zoned("bare", null, 0));

    Status status =
        harness.filter(
            new PodTopologySpread(harness),
            PodInfo.of(spread(web("p"), constraint(ZONE, "DoNotSchedule").build())),
            "bare");

    assertThat(status)
        .isEqualTo(
            Status.unschedulableAndUnresolvable(
                "node(s) didn't match pod topology spread constraints (missing required label)"));
  }

  @Test
  void scheduleAnywayScoresTheLeastCrowdedDomainHighest() {
    PluginHarness harness =
        PluginHarness.of(
            zoned("n1", "a", 1), zoned("n2", "a", 1), zoned("n3", "b", 0), zoned("bare", null, 0));
    Pod pod = spread(web("p"), constraint(ZONE, "ScheduleAnyway").build());

    assertThat(harness.score(new PodTopologySpread(harness), PodInfo.of(pod)))
        .isEqualTo(Map.of("n1", 0L, "n2", 0L, "n3", 100L, "bare", 0L));
  }

  @Test
  void matchLabelKeysNarrowTheSelector() {
    Pod v2 = new PodBuilder(web("p")).editMetadata().addToLabels("rev", "2").endMetadata().build();
    PluginHarness harness = PluginHarness.of(zoned("n1", "a", 2), zoned("n3", "b", 0));
    NodeInfo n3 = harness.snapshot().get("n3");
    n3.addPod(
        PodInfo.of(new PodBuilder(v2).editMetadata().withName("other").endMetadata().build())
            .withNodeName("n3"));
    Pod pod = spread(v2, constraint(ZONE, "DoNotSchedule").withMatchLabelKeys("rev").build());

    assertThat(feasible(harness.filter(new PodTopologySpread(harness), PodInfo.of(pod))))
        .containsExactly("n1");
  }
}
