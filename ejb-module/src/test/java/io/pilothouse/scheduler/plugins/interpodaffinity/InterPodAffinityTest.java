package io.pilothouse.scheduler.plugins.interpodaffinity;

import static io.pilothouse.scheduler.Fixtures.node;
import static io.pilothouse.scheduler.Fixtures.pod;
import static io.pilothouse.scheduler.Fixtures.selector;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTermBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.pilothouse.scheduler.framework.NodeInfo;
import io.pilothouse.scheduler.framework.PodInfo;
import io.pilothouse.scheduler.framework.Status;
import io.pilothouse.scheduler.plugins.PluginHarness;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InterPodAffinityTest {

  private static final String ZONE = "topology.kubernetes.io/zone";
  private static final String HOST = "kubernetes.io/hostname";
  private static final Status OK = Status.success();
  private static final Status AFFINITY =
      Status.unschedulableAndUnresolvable("node(s) didn't match pod affinity rules");
  private static final Status ANTI =
      Status.unschedulable("node(s) didn't match pod anti-affinity rules");
  private static final Status EXISTING =
      Status.unschedulable("node(s) didn't satisfy existing pods anti-affinity rules");

  private static Pod labelled(String name, String app) {
    return new PodBuilder(pod(name)).editMetadata().addToLabels("app", app).endMetadata().build();
  }

  private static PodAffinityTerm term(String app, String key) {
    return new PodAffinityTermBuilder()
        .withLabelSelector(selector("app", app))
        .withTopologyKey(key)
        .build();
  }

  private static Pod withAffinity(
      Pod pod, List<PodAffinityTerm> affinity, List<PodAffinityTerm> anti) {
    return new PodBuilder(pod)
        .editSpec()
        .withNewAffinity()
        .withNewPodAffinity()
        .withRequiredDuringSchedulingIgnoredDuringExecution(affinity)
        .endPodAffinity()
        .withNewPodAntiAffinity()
        .withRequiredDuringSchedulingIgnoredDuringExecution(anti)
        .endPodAntiAffinity()
        .endAffinity()
        .endSpec()
        .build();
  }

  /** n1 and n2 in zone a, n3 in zone b; the given pods run on n1 / n3. */
  private static PluginHarness cluster(Pod onN1, Pod onN3) {
    NodeInfo n1 =
        NodeInfo.of(node("n1").editMetadata().addToLabels(ZONE, "a").endMetadata().build());
    NodeInfo n2 =
        NodeInfo.of(node("n2").editMetadata().addToLabels(ZONE, "a").endMetadata().build());
    NodeInfo n3 =
        NodeInfo.of(node("n3").editMetadata().addToLabels(ZONE, "b").endMetadata().build());
    if (onN1 != null) {
      n1.addPod(PodInfo.of(onN1).withNodeName("n1"));
    }
    if (onN3 != null) {
      n3.addPod(PodInfo.of(onN3).withNodeName("n3"));
    }
    return PluginHarness.of(n1, n2, n3);
  }

  private static Map<String, Status> expect(Status n1, Status n2, Status n3) {
    Map<String, Status> expected = new LinkedHashMap<>();
    expected.put("n1", n1);
    expected.put("n2", n2);
    expected.put("n3", n3);
    return expected;
  }

  static Stream<Arguments> filterCases() {
    Pod web = labelled("web-1", "web");
    Pod db = labelled("db-1", "db");
    Pod otherNamespaceWeb =
        withAffinity(
            new PodBuilder(labelled("x", "x"))
                .editMetadata()
                .withNamespace("other")
                .endMetadata()
                .build(),
            List.of(),
            List.of(term("web", HOST)));
    return Stream.of(
        Arguments.of("no terms", cluster(web, db), labelled("p", "web"), expect(OK, OK, OK)),
        Arguments.of(
            "anti-affinity per host",
            cluster(web, db),
            withAffinity(labelled("p", "web"), List.of(), List.of(term("web", HOST))),
            expect(ANTI, OK, OK)),
        Arguments.of(
            "anti-affinity per zone",
            cluster(web, db),
            withAffinity(labelled("p", "web"), List.of(), List.of(term("web", ZONE))),
            expect(ANTI, ANTI, OK)),
        Arguments.of(
            "affinity per zone",
            cluster(web, db),
            withAffinity(labelled("p", "api"), List.of(term("db", ZONE)), List.of()),
            expect(AFFINITY, AFFINITY, OK)),
        Arguments.of(
            "first pod of a self-affine group",
            cluster(null, null),
            withAffinity(labelled("p", "cache"), List.of(term("cache", ZONE)), List.of()),
            expect(OK, OK, OK)),
        Arguments.of(
            "affinity to nobody",
            cluster(null, null),
            withAffinity(labelled("p", "api"), List.of(term("cache", ZONE)), List.of()),
            expect(AFFINITY, AFFINITY, AFFINITY)),
        Arguments.of(
            "existing pod's anti-affinity is symmetric",
            cluster(
                withAffinity(labelled("lonely", "lonely"), List.of(), List.of(term("web", HOST))),
                null),
            labelled("p", "web"),
            expect(EXISTING, OK, OK)),
        Arguments.of(
            "terms only select their namespace",
            cluster(otherNamespaceWeb, null),
            labelled("p", "web"),
            expect(OK, OK, OK)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filterCases")
  void filter(String name, PluginHarness harness, Pod pod, Map<String, Status> expected) {
    assertThat(harness.filter(new InterPodAffinity(harness), PodInfo.of(pod))).isEqualTo(expected);
  }

  @Test
  void preferredTermsScoreByWeight() {
    PluginHarness harness = cluster(labelled("web-1", "web"), labelled("db-1", "db"));
    Pod pod =
        new PodBuilder(labelled("p", "api"))
            .editSpec()
            .withNewAffinity()
            .withNewPodAffinity()
            .withPreferredDuringSchedulingIgnoredDuringExecution(
                new WeightedPodAffinityTerm(term("db", ZONE), 10))
            .endPodAffinity()
            .withNewPodAntiAffinity()
            .withPreferredDuringSchedulingIgnoredDuringExecution(
                new WeightedPodAffinityTerm(term("web", HOST), 5))
            .endPodAntiAffinity()
            .endAffinity()
            .endSpec()
            .build();

    // raw: n1 = -5, n2 = 0, n3 = +10 -> min-max scaled.
    assertThat(harness.score(new InterPodAffinity(harness), PodInfo.of(pod)))
        .isEqualTo(Map.of("n1", 0L, "n2", 33L, "n3", 100L));
  }

  @Test
  void existingPodsRequiredAffinityAttractsTheIncomingPod() {
    Pod follower = withAffinity(labelled("follower", "f"), List.of(term("api", HOST)), List.of());
    PluginHarness harness = cluster(null, follower);

    assertThat(harness.score(new InterPodAffinity(harness), PodInfo.of(labelled("p", "api"))))
        .isEqualTo(Map.of("n1", 0L, "n2", 0L, "n3", 100L));
  }
}
