package io.pilothouse.registry.patch;

import static io.pilothouse.registry.patch.PatchFixtures.assertFails;
import static io.pilothouse.registry.patch.PatchFixtures.compact;
import static io.pilothouse.registry.patch.PatchFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.registry.patch.PatchException.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** RFC 6902 JSON Patch, from the RFC's Appendix A and from Kubernetes use, and its refusals. */
class JsonPatchTest {

  private static ObjectNode apply(String current, String patch) {
    return Patcher.apply(PatchType.JSON_PATCH, yaml(current), patch, null);
  }

  static Stream<Arguments> applied() {
    return Stream.of(
        Arguments.of(
            "A.1 add an object member",
            "{'foo': 'bar'}",
            "[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\"}]",
            "{'baz': 'qux', 'foo': 'bar'}"),
        Arguments.of(
            "A.2 add an array element",
            "{'foo': ['bar', 'baz']}",
            "[{\"op\":\"add\",\"path\":\"/foo/1\",\"value\":\"qux\"}]",
            "{'foo': ['bar', 'qux', 'baz']}"),
        Arguments.of(
            "A.3 remove an object member",
            "{'baz': 'qux', 'foo': 'bar'}",
            "[{\"op\":\"remove\",\"path\":\"/baz\"}]",
            "{'foo': 'bar'}"),
        Arguments.of(
            "A.4 remove an array element",
            "{'foo': ['bar', 'qux', 'baz']}",
            "[{\"op\":\"remove\",\"path\":\"/foo/1\"}]",
            "{'foo': ['bar', 'baz']}"),
        Arguments.of(
            "A.5 replace a value",
            "{'baz': 'qux', 'foo': 'bar'}",
            "[{\"op\":\"replace\",\"path\":\"/baz\",\"value\":\"boo\"}]",
            "{'baz': 'boo', 'foo': 'bar'}"),
        Arguments.of(
            "A.6 move a value",
            "{'foo': {'bar': 'baz', 'waldo': 'fred'}, 'qux': {'corge': 'grault'}}",
            "[{\"op\":\"move\",\"from\":\"/foo/waldo\",\"path\":\"/qux/thud\"}]",
            "{'foo': {'bar': 'baz'}, 'qux': {'corge': 'grault', 'thud': 'fred'}}"),
        Arguments.of(
            "A.7 move an array element",
            "{'foo': ['all', 'grass', 'cows', 'eat']}",
            "[{\"op\":\"move\",\"from\":\"/foo/1\",\"path\":\"/foo/3\"}]",
            "{'foo': ['all', 'cows', 'eat', 'grass']}"),
        Arguments.of(
            "A.8 test a value: success",
            "{'baz': 'qux', 'foo': ['a', 2, 'c']}",
            "[{\"op\":\"test\",\"path\":\"/baz\",\"value\":\"qux\"},"
                + "{\"op\":\"test\",\"path\":\"/foo/1\",\"value\":2}]",
            "{'baz': 'qux', 'foo': ['a', 2, 'c']}"),
        Arguments.of(
            "A.10 add a nested member object",
            "{'foo': 'bar'}",
            "[{\"op\":\"add\",\"path\":\"/child\",\"value\":{\"grandchild\":{}}}]",
            "{'foo': 'bar', 'child': {'grandchild': {}}}"),
        Arguments.of(
            "A.11 ignore unrecognized members",
            "{'foo': 'bar'}",
            "[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\",\"xyz\":123}]",
            "{'foo': 'bar', 'baz': 'qux'}"),
        Arguments.of(
            "A.14 ~ escape ordering",
            "{'/': 9, '~1': 10}",
            "[{\"op\":\"test\",\"path\":\"/~01\",\"value\":10}]",
            "{'/': 9, '~1': 10}"),
        Arguments.of(
            "A.16 add an array value",
            "{'foo': ['bar']}",
            "[{\"op\":\"add\",\"path\":\"/foo/-\",\"value\":[\"abc\",\"def\"]}]",
            "{'foo': ['bar', ['abc', 'def']]}"),
        Arguments.of(
            "copy a value",
            "{'a': {'b': 1}}",
            "[{\"op\":\"copy\",\"from\":\"/a\",\"path\":\"/c\"}]",
            "{'a': {'b': 1}, 'c': {'b': 1}}"),
        Arguments.of(
            "add null keeps null",
            "{'a': 1}",
            "[{\"op\":\"add\",\"path\":\"/b\",\"value\":null}]",
            "{'a': 1, 'b': null}"),
        Arguments.of(
            "kubectl-style label and replica change",
            "{metadata: {name: web, labels: {app: web}}, spec: {replicas: 1,"
                + " template: {spec: {containers: [{name: web, image: 'nginx:1.15'}]}}}}",
            "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":3},"
                + "{\"op\":\"add\",\"path\":\"/metadata/labels/tier\",\"value\":\"frontend\"},"
                + "{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\","
                + "\"value\":\"nginx:1.16\"}]",
            "{metadata: {name: web, labels: {app: web, tier: frontend}}, spec: {replicas: 3,"
                + " template: {spec: {containers: [{name: web, image: 'nginx:1.16'}]}}}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("applied")
  void applies(String name, String current, String patch, String expected) {
    assertThat(apply(current, patch)).isEqualTo(yaml(expected));
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(
            "A.9 failed test",
            "[{\"op\":\"test\",\"path\":\"/baz\",\"value\":\"bar\"}]",
            Kind.UNPROCESSABLE),
        Arguments.of(
            "A.12 add to a nonexistent target",
            "[{\"op\":\"add\",\"path\":\"/baz/bat\",\"value\":\"qux\"}]",
            Kind.UNPROCESSABLE),
        Arguments.of(
            "A.15 test compares strings and numbers",
            "[{\"op\":\"test\",\"path\":\"/n\",\"value\":\"10\"}]",
            Kind.UNPROCESSABLE),
        Arguments.of(
            "remove a missing member",
            "[{\"op\":\"remove\",\"path\":\"/nope\"}]",
            Kind.UNPROCESSABLE),
        Arguments.of(
            "replace a missing member",
            "[{\"op\":\"replace\",\"path\":\"/nope\",\"value\":1}]",
            Kind.UNPROCESSABLE),
        Arguments.of(
            "index out of range",
            "[{\"op\":\"replace\",\"path\":\"/list/7\",\"value\":1}]",
            Kind.UNPROCESSABLE),
        Arguments.of(
            "index that is not a number",
            "[{\"op\":\"remove\",\"path\":\"/list/x\"}]",
            Kind.UNPROCESSABLE),
        Arguments.of(
            "root replaced by a list",
            "[{\"op\":\"replace\",\"path\":\"\",\"value\":[1]}]",
            Kind.UNPROCESSABLE),
        Arguments.of("not JSON", "[{\"op\":", Kind.MALFORMED),
        Arguments.of("trailing garbage", "[] []", Kind.MALFORMED),
        Arguments.of("not a list", "{\"op\":\"remove\",\"path\":\"/baz\"}", Kind.MALFORMED),
        Arguments.of("operation not an object", "[\"remove\"]", Kind.MALFORMED),
        Arguments.of("unknown op", "[{\"op\":\"delete\",\"path\":\"/baz\"}]", Kind.MALFORMED),
        Arguments.of("missing op", "[{\"path\":\"/baz\"}]", Kind.MALFORMED),
        Arguments.of("missing path", "[{\"op\":\"remove\"}]", Kind.MALFORMED),
        Arguments.of(
            "pointer without leading slash",
            "[{\"op\":\"remove\",\"path\":\"baz\"}]",
            Kind.MALFORMED),
        Arguments.of(
            "pointer with a bad escape",
            "[{\"op\":\"remove\",\"path\":\"/b~2z\"}]",
            Kind.MALFORMED),
        Arguments.of("add without value", "[{\"op\":\"add\",\"path\":\"/x\"}]", Kind.MALFORMED),
        Arguments.of("move without from", "[{\"op\":\"move\",\"path\":\"/x\"}]", Kind.MALFORMED),
        Arguments.of("empty body", "  ", Kind.MALFORMED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refuses(String name, String patch, Kind kind) {
    assertFails(kind, () -> apply("{baz: qux, n: 10, list: [1, 2]}", patch));
  }

  @Test
  void refusesMoreOperationsThanUpstreamAllows() {
    String op = "{\"op\":\"test\",\"path\":\"/a\",\"value\":1}";
    String patch = "[" + String.join(",", java.util.Collections.nCopies(10_001, op)) + "]";
    assertFails(Kind.TOO_LARGE, () -> apply("{a: 1}", patch));
  }

  @Test
  void keepsIntegersIntegralAndDecimalsDecimal() {
    ObjectNode result =
        apply(
            "{spec: {replicas: 1, ratio: 0.5, big: 12345678901234}}",
            "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":3}]");
    assertThat(compact(result))
        .isEqualTo("{\"spec\":{\"replicas\":3,\"ratio\":0.5,\"big\":12345678901234}}");
    assertThat(result.get("spec").get("replicas").isIntegralNumber()).isTrue();
  }

  @Test
  void leavesTheCurrentObjectAlone() {
    ObjectNode current = yaml("{metadata: {labels: {app: web}}}");
    ObjectNode before = current.deepCopy();
    ObjectNode result =
        Patcher.apply(
            PatchType.JSON_PATCH,
            current,
            "[{\"op\":\"remove\",\"path\":\"/metadata/labels/app\"}]",
            null);
    assertThat(current).isEqualTo(before);
    assertThat(result).isEqualTo(yaml("{metadata: {labels: {}}}"));
  }
}
