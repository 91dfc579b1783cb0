package io.pilothouse.scheduler.plugins.nodeaffinity;

import static io.pilothouse.scheduler.Fixtures.node;
import static io.pilothouse.scheduler.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
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

class NodeAffinityTest {

  private final NodeAffinity plugin = new NodeAffinity();

  /** Node n1: zone=a, gen=5; node n2: zone=b, gpu present; node n3: no labels but hostname. */
  private static PluginHarness nodes() {
    return PluginHarness.of(
        NodeInfo.of(
            node("n1")
                .editMetadata()
                .addToLabels("zone", "a")
                .addToLabels("gen", "5")
                .endMetadata()
                .build()),
        NodeInfo.of(
            node("n2")
                .editMetadata()
                .addToLabels("zone", "b")
                .addToLabels("gpu", "")
                .endMetadata()
                .build()),
        NodeInfo.of(node("n3").build()));
  }

  private static NodeSelectorRequirement req(String key, String op, String... values) {
    return new NodeSelectorRequirement(key, op, List.of(values));
  }

  private static NodeSelectorTerm expressions(NodeSelectorRequirement... requirements) {
    return new NodeSelectorTermBuilder().withMatchExpressions(requirements).build();
  }

  private static Pod required(NodeSelectorTerm... terms) {
    return new PodBuilder(pod("p"))
        .editSpec()
        .withNewAffinity()
        .withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution()
        .withNodeSelectorTerms(terms)
        .endRequiredDuringSchedulingIgnoredDuringExecution()
        .endNodeAffinity()
        .endAffinity()
        .endSpec()
        .build();
  }

  static Stream<Arguments> filterCases() {
    return Stream.of(
        Arguments.of("no constraint", pod("p"), List.of("n1", "n2", "n3")),
        Arguments.of(
            "nodeSelector",
            new PodBuilder(pod("p")).editSpec().addToNodeSelector("zone", "b").endSpec().build(),
            List.of("n2")),
        Arguments.of("In", required(expressions(req("zone", "In", "a", "c"))), List.of("n1")),
        Arguments.of(
            "NotIn (absent label matches)",
            required(expressions(req("zone", "NotIn", "a"))),
            List.of("n2", "n3")),
        Arguments.of("Exists", required(expressions(req("gpu", "Exists"))), List.of("n2")),
        Arguments.of(
            "DoesNotExist", required(expressions(req("zone", "DoesNotExist"))), List.of("n3")),
        Arguments.of("Gt", required(expressions(req("gen", "Gt", "4"))), List.of("n1")),
        Arguments.of("Lt", required(expressions(req("gen", "Lt", "5"))), List.of()),
        Arguments.of(
            "expressions are ANDed",
            required(expressions(req("zone", "Exists"), req("gpu", "DoesNotExist"))),
            List.of("n1")),
        Arguments.of(
            "terms are ORed",
            required(expressions(req("zone", "In", "a")), expressions(req("gpu", "Exists"))),
            List.of("n1", "n2")),
        Arguments.of(
            "matchFields metadata.name",
            required(
                new NodeSelectorTermBuilder()
                    .withMatchFields(req("metadata.name", "In", "n3"))
                    .build()),
            List.of("n3")),
        Arguments.of("empty term matches nothing", required(new NodeSelectorTerm()), List.of()),
        Arguments.of(
            "invalid operator matches nothing",
            required(expressions(req("zone", "Near", "a"))),
            List.of()),
        Arguments.of(
            "Gt with a non-number matches nothing",
            required(expressions(req("gen", "Gt", "x"))),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filterCases")
  void filter(String name, Pod pod, List<String> feasible) {
    Map<String, Status> statuses = nodes().filter(plugin, PodInfo.of(pod));

    assertThat(
            statuses.entrySet().stream()
                .filter(e -> e.getValue().isSuccess())
                .map(Map.Entry::getKey))
        .containsExactlyElementsOf(feasible);
    statuses.values().stream()
        .filter(s -> !s.isSuccess())
        .forEach(
            s -> {
              assertThat(s.code()).isEqualTo(Status.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
              assertThat(s.message())
                  .isEqualTo("node(s) didn't match Pod's node affinity/selector");
            });
  }

  @Test
  void preferredTermsScoreBySummedWeightNormalized() {
    Pod pod =
        new PodBuilder(pod("p"))
            .editSpec()
            .withNewAffinity()
            .withNewNodeAffinity()
            .withPreferredDuringSchedulingIgnoredDuringExecution(
                new PreferredSchedulingTerm(expressions(req("zone", "In", "a")), 20),
                new PreferredSchedulingTerm(expressions(req("gpu", "Exists")), 80),
                new PreferredSchedulingTerm(expressions(req("zone", "Exists")), 20))
            .endNodeAffinity()
            .endAffinity()
            .endSpec()
            .build();

    assertThat(nodes().score(plugin, PodInfo.of(pod)))
        .isEqualTo(Map.of("n1", 40L, "n2", 100L, "n3", 0L));
  }

  @Test
  void noPreferenceSkipsScoring() {
    assertThat(nodes().score(plugin, PodInfo.of(pod("p")))).containsValues(0L, 0L, 0L);
  }
}
