package io.pilothouse.printing;

import static io.pilothouse.printing.Fixtures.ago;
import static io.pilothouse.printing.Fixtures.json;
import static io.pilothouse.printing.Fixtures.narrow;
import static io.pilothouse.printing.Fixtures.wide;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

class NodePrinterTest {

  private static ObjectNode node(String labels, String spec, String conditions) {
    return json(
        "{'metadata':{'name':'node-1','labels':{"
            + labels
            + "},'creationTimestamp':'"
            + ago(Duration.ofDays(3).plusHours(4))
            + "'},'spec':{"
            + spec
            + "},'status':{'conditions':["
            + conditions
            + "],'nodeInfo':{'kubeletVersion':'v1.32.0','osImage':'Debian GNU/Linux 12 (bookworm)',"
            + "'kernelVersion':'6.1.0-18-amd64','containerRuntimeVersion':'pilothouse://0.1.0'},"
            + "'addresses':[{'type':'Hostname','address':'node-1'},"
            + "{'type':'InternalIP','address':'10.0.0.11'}]}}");
  }

  private static final String READY =
      "{'type':'MemoryPressure','status':'False'},{'type':'Ready','status':'True'}";

  static Stream<Arguments> nodes() {
    return Stream.of(
        Arguments.of(
            "ready worker without roles",
            node("'kubernetes.io/hostname':'node-1'", "", READY),
            List.of("node-1", "Ready", "<none>", "3d4h", "v1.32.0")),
        Arguments.of(
            "cordoned control plane",
            node(
                "'node-role.kubernetes.io/control-plane':'','node-role.kubernetes.io/worker':''",
                "'unschedulable':true",
                READY),
            List.of(
                "node-1", "Ready,SchedulingDisabled", "control-plane,worker", "3d4h", "v1.32.0")),
        Arguments.of(
            "not ready, legacy role label",
            node("'kubernetes.io/role':'infra'", "", "{'type':'Ready','status':'False'}"),
            List.of("node-1", "NotReady", "infra", "3d4h", "v1.32.0")),
        Arguments.of(
            "unknown Ready condition",
            node("", "", "{'type':'Ready','status':'Unknown'}"),
            List.of("node-1", "NotReady", "<none>", "3d4h", "v1.32.0")),
        Arguments.of(
            "no Ready condition yet, cordoned",
            node("'node-role.kubernetes.io/':''", "'unschedulable':true", ""),
            List.of("node-1", "Unknown,SchedulingDisabled", "<none>", "3d4h", "v1.32.0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nodes")
  void printsStatusAndRoles(String scenario, ObjectNode node, List<Object> expected) {
    assertThat(narrow("", "Node", node)).isEqualTo(expected);
  }

  @Test
  void printsAddressesAndSystemInfoWhenWide() {
    assertThat(wide("", "Node", node("", "", READY)).subList(5, 10))
        .containsExactly(
            "10.0.0.11",
            "<none>",
            "Debian GNU/Linux 12 (bookworm)",
            "6.1.0-18-amd64",
            "pilothouse://0.1.0");
  }

  @Test
  void printsUnknownForMissingSystemInfo() {
    ObjectNode node = json("{'metadata':{'name':'bare'},'status':{}}");

    assertThat(wide("", "Node", node))
        .containsExactly(
            "bare",
            "Unknown",
            "<none>",
            "<unknown>",
            "",
            "<none>",
            "<none>",
            "<unknown>",
            "<unknown>",
            "<unknown>");
  }
}
