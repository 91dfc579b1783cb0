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

/** ConfigMaps and Secrets: keys, immutability, secret types and stringData. */
class ConfigMapSecretStrategyTest {

  static final String CONFIG_MAP =
      "{apiVersion: v1, kind: ConfigMap, metadata: {name: cfg}, data: {a: '1'}}";
  static final String SECRET = "{apiVersion: v1, kind: Secret, metadata: {name: s}}";
  static final String IMMUTABLE = "Forbidden: field is immutable when `immutable` is set";

  @Test
  void configMapKeysAreValidated() {
    ObjectNode configMap =
        Manifests.merged(Manifests.yaml(CONFIG_MAP), "{data: {'a/b': x}, binaryData: {a: eA==}}");
    assertThat(Manifests.describe(Manifests.createErrors(configMap)))
        .containsExactlyInAnyOrder(
            "data[a/b]: Invalid value: \"a/b\": a valid config key must consist of alphanumeric characters, '-', '_'"
                + " or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is"
                + " '[-._a-zA-Z0-9]+')",
            "data[a]: Invalid value: \"a\": duplicate of key present in binaryData");
  }

  @Test
  void immutableConfigMapsKeepTheirData() {
    ObjectNode old =
        Manifests.created(Manifests.merged(Manifests.yaml(CONFIG_MAP), "{immutable: true}"));
    ObjectNode update = Manifests.merged(old, "{data: {a: '2'}, immutable: false}");
    assertThat(Manifests.describe(Manifests.updateErrors(update, old)))
        .containsExactlyInAnyOrder("immutable: " + IMMUTABLE, "data: " + IMMUTABLE);
    ObjectNode labelsOnly = Manifests.merged(old, "{metadata: {labels: {x: y}}}");
    assertThat(Manifests.updateErrors(labelsOnly, old)).isEmpty();
  }

  @Test
  void secretsDefaultToOpaqueAndFoldStringData() {
    ObjectNode secret =
        Manifests.created(
            Manifests.merged(
                Manifests.yaml(SECRET), "{stringData: {user: admin}, data: {x: eA==}}"));
    assertThat(secret.path("type").asString()).isEqualTo("Opaque");
    assertThat(secret.has("stringData")).isFalse();
    assertThat(secret.get("data")).isEqualTo(Manifests.yaml("{x: eA==, user: YWRtaW4=}"));
    IndexedFields.Builder fields = IndexedFields.builder();
    new SecretStrategy().indexFields(secret, fields);
    assertThat(fields.build().fields()).isEqualTo(Map.of("type", "Opaque"));
  }

  static Stream<Arguments> types() {
    return Stream.of(
        Arguments.of(
            "{type: kubernetes.io/tls, data: {tls.crt: eA==}}",
            List.of("data[tls.key]: Required value")),
        Arguments.of(
            "{type: kubernetes.io/ssh-auth}", List.of("data[ssh-privatekey]: Required value")),
        Arguments.of(
            "{type: kubernetes.io/basic-auth}",
            List.of("data[username]: Required value", "data[password]: Required value")),
        Arguments.of("{type: kubernetes.io/basic-auth, stringData: {username: u}}", List.of()),
        Arguments.of(
            "{type: kubernetes.io/dockerconfigjson, stringData: {.dockerconfigjson: '{\"auths\":{}}'}}",
            List.of()),
        Arguments.of(
            "{type: kubernetes.io/dockercfg}", List.of("data[.dockercfg]: Required value")),
        Arguments.of(
            "{type: kubernetes.io/service-account-token}",
            List.of("metadata.annotations[kubernetes.io/service-account.name]: Required value")),
        Arguments.of(
            "{data: {x: '!!'}}",
            List.of(
                "data[x]: Invalid value: \"<secret contents redacted>\": illegal base64 data")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void typeSpecificKeys(String patch, List<String> expected) {
    ObjectNode secret = Manifests.merged(Manifests.yaml(SECRET), patch);
    assertThat(Manifests.describe(Manifests.createErrors(secret)))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void secretTypeIsImmutable() {
    ObjectNode old = Manifests.created(Manifests.yaml(SECRET));
    ObjectNode update =
        Manifests.merged(old, "{type: kubernetes.io/ssh-auth, stringData: {ssh-privatekey: k}}");
    assertThat(Manifests.describe(Manifests.updateErrors(update, old)))
        .containsExactly("type: Invalid value: \"kubernetes.io/ssh-auth\": field is immutable");
  }
}
