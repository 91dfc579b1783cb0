package io.pilothouse.scheduler.plugins.balancedallocation;

import static io.pilothouse.scheduler.Fixtures.node;
import static io.pilothouse.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.plugins.PluginHarness;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BalancedAllocationTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        // a: 1/4 cpu vs 4/8 memory -> std 0.125; b: existing 1 cpu, so 2/4 vs 4/8 -> balanced.
        Arguments.of("balance wins", pod("p", "1", "4Gi").build(), Map.of("a", 87L, "b", 100L)),
        Arguments.of(
            "fractions capped at 1", pod("p", "8", "4Gi").build(), Map.of("a", 75L, "b", 75L)),
        Arguments.of("best effort is skipped", pod("p"), Map.of("a", 0L, "b", 0L)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void score(String name, Pod pod, Map<String, Long> expected) {
    NodeInfo a = NodeInfo.of(node("a").build());
    NodeInfo b =
        NodeInfo.of(node("b").build(), PodInfo.of(pod("e", "1", null).build()).withNodeName("b"));

    assertThat(PluginHarness.of(a, b).score(new BalancedAllocation(), PodInfo.of(pod)))
        .isEqualTo(expected);
  }
}
