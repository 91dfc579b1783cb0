package io.pilothouse.scheduler.plugins.nodeunschedulable;

import static io.pilothouse.scheduler.Fixtures.node;
import static io.pilothouse.scheduler.Fixtures.pod;
import static io.pilothouse.scheduler.Fixtures.toleration;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.Status;
import io.pilothouse.scheduler.plugins.PluginHarness;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeUnschedulableTest {

  static Stream<Arguments> cases() {
    Pod tolerant =
        new PodBuilder(pod("p"))
            .editSpec()
            .withTolerations(
                toleration("node.kubernetes.io/unschedulable", "Exists", null, "NoSchedule"))
            .endSpec()
            .build();
    return Stream.of(
        Arguments.of("schedulable node", false, pod("p"), Status.success()),
        Arguments.of(
            "cordoned node",
            true,
            pod("p"),
            Status.unschedulableAndUnresolvable("node(s) were unschedulable")),
        Arguments.of("cordoned but tolerated", true, tolerant, Status.success()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void filter(String name, boolean cordoned, Pod pod, Status expected) {
    NodeInfo node =
        NodeInfo.of(node("n1").editSpec().withUnschedulable(cordoned).endSpec().build());

    assertThat(PluginHarness.of(node).filter(new NodeUnschedulable(), PodInfo.of(pod), "n1"))
        .isEqualTo(expected);
  }
}
