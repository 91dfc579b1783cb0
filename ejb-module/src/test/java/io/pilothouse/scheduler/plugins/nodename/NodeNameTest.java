package io.pilothouse.scheduler.plugins.nodename;

import static io.pilothouse.scheduler.Fixtures.node;
import static io.pilothouse.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.Status;
import io.pilothouse.scheduler.plugins.PluginHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeNameTest {

  @ParameterizedTest(name = "spec.nodeName={0} on n1 -> {1}")
  @CsvSource({"'', true", "n1, true", "n2, false"})
  void filter(String nodeName, boolean fits) {
    var pod = new PodBuilder(pod("p")).editSpec().withNodeName(nodeName).endSpec().build();

    Status status =
        PluginHarness.of(NodeInfo.of(node("n1").build()))
            .filter(new NodeName(), PodInfo.of(pod), "n1");

    assertThat(status)
        .isEqualTo(
            fits
                ? Status.success()
                : Status.unschedulableAndUnresolvable(
                    "node(s) didn't match the requested node name"));
  }
}
