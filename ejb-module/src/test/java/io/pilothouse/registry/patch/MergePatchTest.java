package io.pilothouse.registry.patch;

import static io.pilothouse.registry.patch.PatchFixtures.assertFails;
import static io.pilothouse.registry.patch.PatchFixtures.compact;
import static io.pilothouse.registry.patch.PatchFixtures.json;
import static io.pilothouse.registry.patch.PatchFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.registry.patch.PatchException.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** RFC 7396 JSON Merge Patch: the RFC's Appendix A cases whose target and patch are objects. */
class MergePatchTest {

  private static ObjectNode apply(String current, String patchYaml) {
    return Patcher.apply(PatchType.MERGE_PATCH, yaml(current), json(patchYaml), null);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("replace a member", "{a: b}", "{a: c}", "{a: c}"),
        Arguments.of("add a member", "{a: b}", "{b: c}", "{a: b, b: c}"),
        Arguments.of("null deletes", "{a: b}", "{a: null}", "{}"),
        Arguments.of("null deletes one of two", "{a: b, b: c}", "{a: null}", "{b: c}"),
        Arguments.of("list replaces a scalar", "{a: [b]}", "{a: c}", "{a: c}"),
        Arguments.of("scalar replaces a list", "{a: c}", "{a: [b]}", "{a: [b]}"),
        Arguments.of(
            "nested merge with delete", "{a: {b: c}}", "{a: {b: d, c: null}}", "{a: {b: d}}"),
        Arguments.of("lists are replaced", "{a: [{b: c}]}", "{a: [1]}", "{a: [1]}"),
        Arguments.of("empty patch changes nothing", "{a: b}", "{}", "{a: b}"),
        Arguments.of(
            "added object drops its null members", "{}", "{a: {bb: {ccc: null}}}", "{a: {bb: {}}}"),
        Arguments.of(
            "kubernetes label removal and container list replacement",
            "{metadata: {labels: {app: web, tier: fe}}, spec: {containers: [{name: a}, {name: b}]}}",
            "{metadata: {labels: {tier: null}}, spec: {containers: [{name: c}]}}",
            "{metadata: {labels: {app: web}}, spec: {containers: [{name: c}]}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void merges(String name, String current, String patch, String expected) {
    assertThat(apply(current, patch)).isEqualTo(yaml(expected));
  }

  @Test
  void keepsIntegersIntegral() {
    ObjectNode result = apply("{spec: {replicas: 1, ratio: 0.25}}", "{spec: {replicas: 3}}");
    assertThat(compact(result)).isEqualTo("{\"spec\":{\"replicas\":3,\"ratio\":0.25}}");
  }

  @Test
  void leavesTheCurrentObjectAlone() {
    ObjectNode current = yaml("{metadata: {labels: {app: web}}}");
    ObjectNode before = current.deepCopy();
    apply("{metadata: {labels: {app: web}}}", "{metadata: {labels: null}}");
    Patcher.apply(PatchType.MERGE_PATCH, current, "{\"metadata\":{\"labels\":null}}", null);
    assertThat(current).isEqualTo(before);
  }

  @Test
  void refusesBodiesThatAreNotObjects() {
    assertFails(Kind.MALFORMED, () -> apply("{a: b}", "[1, 2]"));
    assertFails(
        Kind.MALFORMED,
        () -> Patcher.apply(PatchType.MERGE_PATCH, yaml("{a: b}"), "{\"a\":", null));
    assertFails(
        Kind.MALFORMED, () -> Patcher.apply(PatchType.MERGE_PATCH, yaml("{a: b}"), "", null));
  }
}
