package io.pilothouse.registry.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.json.KubernetesJson;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** Upstream's {@code ValidateObjectMeta} and {@code ValidateObjectMetaUpdate} on JSON metadata. */
class ObjectMetaValidationTest {

  static ObjectNode meta(String json) {
    return (ObjectNode) KubernetesJson.mapper().readTree(json);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "{\"name\":\"web\",\"namespace\":\"default\"}",
            true,
            NameRule.DNS1123_SUBDOMAIN,
            List.of()),
        Arguments.of(
            "{\"namespace\":\"default\"}",
            true,
            NameRule.DNS1123_SUBDOMAIN,
            List.of("metadata.name: Required value: name or generateName is required")),
        Arguments.of(
            "{\"name\":\"Web\",\"namespace\":\"default\"}",
            true,
            NameRule.DNS1123_SUBDOMAIN,
            List.of("metadata.name: Invalid value: \"Web\": " + NamesTest.SUBDOMAIN)),
        Arguments.of(
            "{\"name\":\"a.b\"}",
            false,
            NameRule.DNS1123_LABEL,
            List.of("metadata.name: Invalid value: \"a.b\": must not contain dots")),
        Arguments.of(
            "{\"name\":\"1svc\",\"namespace\":\"default\"}",
            true,
            NameRule.DNS1035_LABEL,
            List.of("metadata.name: Invalid value: \"1svc\": " + NamesTest.DNS1035)),
        Arguments.of(
            "{\"name\":\"x\",\"generateName\":\"Web-\",\"namespace\":\"default\"}",
            true,
            NameRule.DNS1123_SUBDOMAIN,
            List.of("metadata.generateName: Invalid value: \"Web-\": " + NamesTest.SUBDOMAIN)),
        Arguments.of(
            "{\"name\":\"x\"}",
            true,
            NameRule.DNS1123_SUBDOMAIN,
            List.of("metadata.namespace: Required value")),
        Arguments.of(
            "{\"name\":\"x\",\"namespace\":\"default\"}",
            false,
            NameRule.DNS1123_SUBDOMAIN,
            List.of("metadata.namespace: Forbidden: not allowed on this type")),
        Arguments.of(
            "{\"name\":\"x\",\"namespace\":\"d\",\"labels\":{\"-bad\":\"ok\",\"good\":\"bad value\"}}",
            true,
            NameRule.DNS1123_SUBDOMAIN,
            List.of(
                "metadata.labels: Invalid value: \"-bad\": " + NamesTest.QUALIFIED,
                "metadata.labels: Invalid value: \"bad value\": " + NamesTest.LABEL_VALUE)),
        Arguments.of(
            "{\"name\":\"x\",\"namespace\":\"d\",\"annotations\":{\"Example.COM/Ok\":\"1\",\"a/b/c\":\"2\"}}",
            true,
            NameRule.DNS1123_SUBDOMAIN,
            List.of(
                "metadata.annotations: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric"
                    + " characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g."
                    + " 'MyName',  or 'my.name',  or '123-abc', regex used for validation is"
                    + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/'"
                    + " (e.g. 'example.com/MyName')")),
        Arguments.of(
            "{\"name\":\"x\",\"namespace\":\"d\",\"finalizers\":[\"foo\",\"example.com/bar\"]}",
            true,
            NameRule.DNS1123_SUBDOMAIN,
            List.of(
                "metadata.finalizers[0]: Invalid value: \"foo\": name is neither a standard finalizer name nor is it"
                    + " fully qualified")),
        Arguments.of(
            "{\"name\":\"x\",\"namespace\":\"d\",\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"\","
                + "\"name\":\"rs\",\"uid\":\"u\"}]}",
            true,
            NameRule.DNS1123_SUBDOMAIN,
            List.of("metadata.ownerReferences.kind: Invalid value: \"\": must not be empty")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validatesMetadata(String json, boolean namespaced, NameRule rule, List<String> expected) {
    List<String> errors =
        ObjectMetaValidation.validateObjectMeta(meta(json), namespaced, rule).stream()
            .map(FieldError::describe)
            .toList();
    assertThat(errors).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void annotationsAreLimitedTo256KiB() {
    ObjectNode metadata = meta("{\"name\":\"x\",\"namespace\":\"d\"}");
    metadata.putObject("annotations").put("big", "x".repeat(256 * 1024));
    assertThat(ObjectMetaValidation.validateObjectMeta(metadata, true, NameRule.DNS1123_SUBDOMAIN))
        .extracting(FieldError::describe)
        .containsExactly("metadata.annotations: Too long: may not be more than 262144 bytes");
  }

  @Test
  void updatesKeepIdentityAndDoNotAddFinalizersWhileDeleting() {
    ObjectNode old =
        meta(
            "{\"name\":\"x\",\"namespace\":\"d\",\"uid\":\"1\",\"creationTimestamp\":\"t\","
                + "\"deletionTimestamp\":\"t2\",\"generation\":3}");
    ObjectNode updated =
        meta(
            "{\"name\":\"y\",\"namespace\":\"d\",\"uid\":\"1\",\"creationTimestamp\":\"t\","
                + "\"deletionTimestamp\":\"t2\",\"generation\":2,\"finalizers\":[\"example.com/f\"]}");
    assertThat(ObjectMetaValidation.validateObjectMetaUpdate(updated, old))
        .extracting(FieldError::describe)
        .containsExactlyInAnyOrder(
            "metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found"
                + " new finalizers []string{\"example.com/f\"}",
            "metadata.generation: Invalid value: 2: must not be decremented",
            "metadata.name: Invalid value: \"y\": field is immutable");
  }
}
