package io.pilothouse.registry.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.store.IndexedFields;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** Nodes: registered with status, taint rules, podCIDR set once, unschedulable selectable. */
class NodeStrategyTest {

  static final String NODE =
      "{apiVersion: v1, kind: Node, metadata: {name: node-1}, status: {capacity: {cpu: '2', memory: 4096Mi,"
          + " pods: '110'}}}";

  @Test
  void registersWithStatusAndAllocatableFromCapacity() {
    ObjectNode node = Manifests.created(Manifests.yaml(NODE));
    assertThat(node.path("status").get("allocatable"))
        .isEqualTo(Manifests.yaml("{cpu: '2', memory: 4Gi, pods: '110'}"));
  }

  static Stream<Arguments> taints() {
    return Stream.of(
        Arguments.of(
            "{spec: {taints: [{key: dedicated, value: gpu, effect: NoSchedule}]}}", List.of()),
        Arguments.of(
            "{spec: {taints: [{key: dedicated, effect: Sometimes}]}}",
            List.of(
                "metadata.taints[0].effect: Unsupported value: \"Sometimes\": supported values: \"NoSchedule\","
                    + " \"PreferNoSchedule\", \"NoExecute\"")),
        Arguments.of(
            "{spec: {taints: [{key: dedicated}]}}",
            List.of("metadata.taints[0].effect: Required value")),
        Arguments.of(
            "{spec: {taints: [{key: a, effect: NoSchedule}, {key: a, value: b, effect: NoSchedule}]}}",
            List.of(
                "metadata.taints[1]: Duplicate value: {\"key\":\"a\",\"value\":\"b\",\"effect\":\"NoSchedule\"}:"
                    + " taints must be unique by key and effect pair")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("taints")
  void validatesTaints(String patch, List<String> expected) {
    ObjectNode node = Manifests.merged(Manifests.yaml(NODE), patch);
    assertThat(Manifests.describe(Manifests.createErrors(node)))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void podCidrIsSetOnce() {
    ObjectNode old = Manifests.created(Manifests.yaml(NODE));
    ObjectNode first = Manifests.merged(old, "{spec: {podCIDR: 10.244.1.0/24}}");
    assertThat(Manifests.updateErrors(first, old)).isEmpty();
    assertThat(first.path("spec").path("podCIDRs"))
        .isEqualTo(Manifests.yamlValue("[10.244.1.0/24]"));
    ObjectNode second =
        Manifests.merged(first, "{spec: {podCIDR: 10.244.2.0/24, podCIDRs: [10.244.2.0/24]}}");
    assertThat(Manifests.describe(Manifests.updateErrors(second, first)))
        .containsExactly(
            "spec.podCIDRs: Forbidden: node updates may not change podCIDR except from \"\" to valid");
  }

  @Test
  void mainUpdatesKeepStatusAndStatusWritesKeepSpec() {
    ObjectNode old = Manifests.created(Manifests.yaml(NODE));
    ObjectNode update =
        Manifests.merged(old, "{spec: {unschedulable: true}, status: {capacity: {cpu: '64'}}}");
    new NodeStrategy().prepareForUpdate(update, old);
    assertThat(update.get("status")).isEqualTo(old.get("status"));
    ObjectNode statusWrite =
        Manifests.merged(old, "{spec: {unschedulable: true}, status: {phase: Running}}");
    new NodeStrategy().prepareForStatusUpdate(statusWrite, old);
    assertThat(statusWrite.has("spec")).isFalse();
    IndexedFields.Builder fields = IndexedFields.builder();
    new NodeStrategy().indexFields(update, fields);
    assertThat(fields.build().fields()).isEqualTo(Map.of("spec.unschedulable", "true"));
  }
}
