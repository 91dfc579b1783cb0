package io.pilothouse.scheduler.plugins.noderesources;

import static io.pilothouse.scheduler.Fixtures.container;
import static io.pilothouse.scheduler.Fixtures.node;
import static io.pilothouse.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.Status;
import io.pilothouse.scheduler.plugins.PluginHarness;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeResourcesFitTest {

  private final NodeResourcesFit plugin = new NodeResourcesFit();

  private static PodInfo existing(String name, String cpu, String memory) {
    return PodInfo.of(pod(name, cpu, memory).build()).withNodeName("n1");
  }

  private static Pod withInit(Pod pod, String cpu, String restartPolicy) {
    var init = container("init", cpu, null);
    init.setRestartPolicy(restartPolicy);
    return new PodBuilder(pod).editSpec().withInitContainers(init).endSpec().build();
  }

  private static Node gpuNode(String gpus) {
    return new NodeBuilder(node("n1").build())
        .editStatus()
        .addToAllocatable("example.com/gpu", new Quantity(gpus))
        .endStatus()
        .build();
  }

  static Stream<Arguments> filterCases() {
    Pod gpuPod = pod("gpu", "1", null).build();
    gpuPod
        .getSpec()
        .getContainers()
        .get(0)
        .getResources()
        .getRequests()
        .put("example.com/gpu", new Quantity("1"));
    return Stream.of(
        Arguments.of(
            "fits", node("n1").build(), pod("p", "1", "1Gi").build(), List.of(), List.of()),
        Arguments.of(
            "insufficient cpu",
            node("n1").build(),
            pod("p", "1", null).build(),
            List.of(existing("e", "3500m", null)),
            List.of("Insufficient cpu")),
        Arguments.of(
            "cpu and memory",
            node("n1").build(),
            pod("p", "5", "9Gi").build(),
            List.of(),
            List.of("Insufficient cpu", "Insufficient memory")),
        Arguments.of(
            "too many pods",
            node("n1", "4", "8Gi", "1"),
            pod("p", "1", null).build(),
            List.of(existing("e", null, null)),
            List.of("Too many pods")),
        Arguments.of(
            "init container is the max",
            node("n1").build(),
            withInit(pod("p", "1", null).build(), "3", null),
            List.of(existing("e", "2", null)),
            List.of("Insufficient cpu")),
        Arguments.of(
            "sidecar adds up",
            node("n1").build(),
            withInit(pod("p", "3", null).build(), "1", "Always"),
            List.of(existing("e", "500m", null)),
            List.of("Insufficient cpu")),
        Arguments.of(
            "overhead counts",
            node("n1").build(),
            new PodBuilder(pod("p", "3500m", null).build())
                .editSpec()
                .addToOverhead("cpu", new Quantity("1"))
                .endSpec()
                .build(),
            List.of(),
            List.of("Insufficient cpu")),
        Arguments.of(
            "extended resource missing",
            node("n1").build(),
            gpuPod,
            List.of(),
            List.of("Insufficient example.com/gpu")),
        Arguments.of("extended resource present", gpuNode("2"), gpuPod, List.of(), List.of()),
        Arguments.of(
            "best effort on a full node",
            node("n1").build(),
            pod("p"),
            List.of(existing("e", "4", "8Gi")),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filterCases")
  void filter(String name, Node node, Pod pod, List<PodInfo> onNode, List<String> reasons) {
    NodeInfo info = NodeInfo.of(node, onNode.toArray(PodInfo[]::new));

    Status status = PluginHarness.of(info).filter(plugin, PodInfo.of(pod), "n1");

    assertThat(status.reasons()).containsExactlyElementsOf(reasons);
    assertThat(status.code())
        .isEqualTo(reasons.isEmpty() ? Status.Code.SUCCESS : Status.Code.UNSCHEDULABLE);
  }

  static Stream<Arguments> scoreCases() {
    return Stream.of(
        Arguments.of(
            "empty vs half used", pod("p", "1", "2Gi").build(), Map.of("a", 75L, "b", 25L)),
        Arguments.of("best effort counts 100m/200Mi", pod("p"), Map.of("a", 97L, "b", 47L)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scoreCases")
  void leastAllocatedScore(String name, Pod pod, Map<String, Long> expected) {
    NodeInfo a = NodeInfo.of(node("a").build());
    NodeInfo b = NodeInfo.of(node("b").build(), existing("e", "2", "4Gi").withNodeName("b"));

    assertThat(PluginHarness.of(a, b).score(plugin, PodInfo.of(pod))).isEqualTo(expected);
  }
}
