package io.pilothouse.registry.patch;

import static io.pilothouse.registry.patch.PatchFixtures.assertFails;
import static io.pilothouse.registry.patch.PatchFixtures.json;
import static io.pilothouse.registry.patch.PatchFixtures.smp;
import static io.pilothouse.registry.patch.PatchFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.registry.patch.PatchException.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** Strategic merge patches the API server refuses, and what a patch must never change. */
class StrategicMergePatchErrorsTest {

  private static final PatchSchema POD = PatchSchema.forKind("", "Pod");
  private static final String CURRENT =
      "metadata: {finalizers: [a]}\n"
          + "spec: {containers: [{name: web, image: nginx}], strategy: {type: Recreate}}";

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(
            "a container without its merge key",
            "spec: {containers: [{image: x}]}",
            Kind.MALFORMED),
        Arguments.of(
            "a deletion without its merge key",
            "spec: {containers: [{$patch: delete}]}",
            Kind.MALFORMED),
        Arguments.of("an unknown $patch in a map", "spec: {$patch: remove}", Kind.MALFORMED),
        Arguments.of(
            "an unknown $patch in a list",
            "spec: {containers: [{name: web, $patch: remove}]}",
            Kind.MALFORMED),
        Arguments.of(
            "$patch: merge in a list",
            "spec: {containers: [{name: web, $patch: merge}]}",
            Kind.MALFORMED),
        Arguments.of("$patch that is not a string", "spec: {$patch: 1}", Kind.MALFORMED),
        Arguments.of(
            "$retainKeys that is not a list",
            "spec: {strategy: {$retainKeys: type, type: Recreate}}",
            Kind.MALFORMED),
        Arguments.of(
            "a patched key missing from $retainKeys",
            "spec: {strategy: {$retainKeys: [type], type: RollingUpdate, rollingUpdate: {}}}",
            Kind.MALFORMED),
        Arguments.of(
            "$setElementOrder that is not a list",
            "spec: {$setElementOrder/containers: {name: web}}",
            Kind.MALFORMED),
        Arguments.of(
            "$setElementOrder without a field", "spec: {$setElementOrder: []}", Kind.MALFORMED),
        Arguments.of(
            "a patch list out of $setElementOrder's order",
            "spec: {$setElementOrder/containers: [{name: a}, {name: b}],"
                + " containers: [{name: b}, {name: a}]}",
            Kind.MALFORMED),
        Arguments.of(
            "a patch element missing from $setElementOrder",
            "spec: {$setElementOrder/containers: [{name: web}], containers: [{name: new}]}",
            Kind.MALFORMED),
        Arguments.of(
            "$deleteFromPrimitiveList that is not a list",
            "metadata: {$deleteFromPrimitiveList/finalizers: a}",
            Kind.MALFORMED),
        Arguments.of("a list of lists", "metadata: {finalizers: [[a]]}", Kind.UNPROCESSABLE),
        Arguments.of(
            "objects in a list of primitives",
            "metadata: {finalizers: [{a: b}]}",
            Kind.UNPROCESSABLE),
        Arguments.of(
            "a list of mixed elements", "metadata: {finalizers: [b, {a: b}]}", Kind.UNPROCESSABLE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refuses(String name, String patch, Kind kind) {
    assertFails(kind, () -> smp(POD, CURRENT, patch));
  }

  @Test
  void refusesBodiesThatAreNotAJsonObject() {
    for (String body : new String[] {"[1]", "\"x\"", "{\"a\":", "{} {}", "", "null"}) {
      assertFails(
          Kind.MALFORMED,
          () -> Patcher.apply(PatchType.STRATEGIC_MERGE_PATCH, yaml(CURRENT), body, POD));
    }
  }

  @Test
  void neverChangesTheCurrentObject() {
    ObjectNode current =
        yaml(
            """
            metadata: {finalizers: [a, b], labels: {app: web}}
            spec:
              strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1}}
              template:
                spec:
                  containers:
                  - {name: web, image: nginx, env: [{name: A, value: '1'}]}
                  - {name: log, image: busybox}
            """);
    ObjectNode before = current.deepCopy();
    String patch =
        json(
            """
            metadata: {$deleteFromPrimitiveList/finalizers: [a], labels: {app: null}}
            spec:
              strategy: {$retainKeys: [type], type: Recreate}
              template:
                spec:
                  $setElementOrder/containers: [{name: log}, {name: web}]
                  containers:
                  - {name: web, image: nginx:2, env: [{name: A, value: '2'}]}
            """);
    ObjectNode result =
        Patcher.apply(
            PatchType.STRATEGIC_MERGE_PATCH,
            current,
            patch,
            PatchSchema.forKind("apps", "Deployment"));
    assertThat(current).isEqualTo(before);
    assertThat(result).isNotEqualTo(before);
    assertThat(result.at("/spec/template/spec/containers/0/name").stringValue()).isEqualTo("log");
  }

  @Test
  void keepsIntegersIntegral() {
    ObjectNode result = smp(POD, "spec: {replicas: 1, ratio: 0.5}", "spec: {replicas: 3}");
    assertThat(PatchFixtures.compact(result))
        .isEqualTo("{\"spec\":{\"replicas\":3,\"ratio\":0.5}}");
  }
}
