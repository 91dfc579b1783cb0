package io.pilothouse.scheduler.plugins.tainttoleration;

import static io.pilothouse.scheduler.Fixtures.node;
import static io.pilothouse.scheduler.Fixtures.pod;
import static io.pilothouse.scheduler.Fixtures.taint;
import static io.pilothouse.scheduler.Fixtures.toleration;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.Status;
import io.pilothouse.scheduler.plugins.PluginHarness;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaintTolerationTest {

  private final TaintToleration plugin = new TaintToleration();

  private static Node tainted(String name, Taint... taints) {
    return node(name).editSpec().withTaints(taints).endSpec().build();
  }

  private static Pod tolerating(Toleration... tolerations) {
    return new PodBuilder(pod("p")).editSpec().withTolerations(tolerations).endSpec().build();
  }

  static Stream<Arguments> filterCases() {
    Taint dedicated = taint("dedicated", "gpu", "NoSchedule");
    Taint unreachable = taint("node.kubernetes.io/unreachable", null, "NoExecute");
    return Stream.of(
        Arguments.of("no taints", List.of(), pod("p"), null),
        Arguments.of(
            "untolerated NoSchedule",
            List.of(dedicated),
            pod("p"),
            "node(s) had untolerated taint {dedicated: gpu}"),
        Arguments.of(
            "untolerated NoExecute",
            List.of(unreachable),
            pod("p"),
            "node(s) had untolerated taint {node.kubernetes.io/unreachable: }"),
        Arguments.of(
            "PreferNoSchedule does not filter",
            List.of(taint("a", "b", "PreferNoSchedule")),
            pod("p"),
            null),
        Arguments.of(
            "Equal toleration",
            List.of(dedicated),
            tolerating(toleration("dedicated", "Equal", "gpu", "NoSchedule")),
            null),
        Arguments.of(
            "Equal with other value",
            List.of(dedicated),
            tolerating(toleration("dedicated", "Equal", "cpu", "NoSchedule")),
            "node(s) had untolerated taint {dedicated: gpu}"),
        Arguments.of(
            "Exists toleration, any effect",
            List.of(dedicated),
            tolerating(toleration("dedicated", "Exists", null, null)),
            null),
        Arguments.of(
            "empty key Exists tolerates all",
            List.of(dedicated, unreachable),
            tolerating(toleration(null, "Exists", null, null)),
            null),
        Arguments.of(
            "wrong effect",
            List.of(dedicated),
            tolerating(toleration("dedicated", "Exists", null, "NoExecute")),
            "node(s) had untolerated taint {dedicated: gpu}"),
        Arguments.of(
            "first untolerated taint is reported",
            List.of(unreachable, dedicated),
            tolerating(toleration("node.kubernetes.io/unreachable", "Exists", null, "NoExecute")),
            "node(s) had untolerated taint {dedicated: gpu}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filterCases")
  void filter(String name, List<Taint> taints, Pod pod, String reason) {
    PluginHarness harness =
        PluginHarness.of(NodeInfo.of(tainted("n1", taints.toArray(Taint[]::new))));

    Status status = harness.filter(plugin, PodInfo.of(pod), "n1");

    if (reason == null) {
      assertThat(status.isSuccess()).isTrue();
    } else {
      assertThat(status.code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
      assertThat(status.message()).isEqualTo(reason);
    }
  }

  @Test
  void fewerUntoleratedPreferNoScheduleTaintsScoreHigher() {
    PluginHarness harness =
        PluginHarness.of(
            NodeInfo.of(tainted("clean")),
            NodeInfo.of(tainted("one", taint("a", "1", "PreferNoSchedule"))),
            NodeInfo.of(
                tainted(
                    "two",
                    taint("a", "1", "PreferNoSchedule"),
                    taint("b", "1", "PreferNoSchedule"))),
            NodeInfo.of(tainted("tolerated", taint("c", "1", "PreferNoSchedule"))));
    Pod pod = tolerating(toleration("c", "Exists", null, "PreferNoSchedule"));

    assertThat(harness.score(plugin, PodInfo.of(pod)))
        .isEqualTo(Map.of("clean", 100L, "one", 50L, "two", 0L, "tolerated", 100L));
  }
}
