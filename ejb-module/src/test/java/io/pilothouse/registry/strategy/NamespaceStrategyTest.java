package io.pilothouse.registry.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.registry.validation.NameRule;
import io.pilothouse.store.IndexedFields;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Namespaces: Active with the kubernetes finalizer, name label, and the status/finalizer split. */
class NamespaceStrategyTest {

  static ObjectNode create(String yaml) {
    return Manifests.created(Manifests.yaml(yaml));
  }

  @Test
  void createdActiveWithTheKubernetesFinalizerAndNameLabel() {
    ObjectNode namespace = create("{apiVersion: v1, kind: Namespace, metadata: {name: team-a}}");
    assertThat(namespace.get("spec")).isEqualTo(Manifests.yaml("{finalizers: [kubernetes]}"));
    assertThat(namespace.get("status")).isEqualTo(Manifests.yaml("{phase: Active}"));
    assertThat(
            namespace
                .path("metadata")
                .path("labels")
                .path("kubernetes.io/metadata.name")
                .asString())
        .isEqualTo("team-a");
    assertThat(new NamespaceStrategy().nameRule()).isEqualTo(NameRule.DNS1123_LABEL);
  }

  @Test
  void namesAreLabels() {
    ObjectNode namespace =
        Manifests.yaml("{apiVersion: v1, kind: Namespace, metadata: {name: team.a}}");
    assertThat(Manifests.describe(Manifests.createErrors(namespace)))
        .containsExactly("metadata.name: Invalid value: \"team.a\": must not contain dots");
  }

  @Test
  void finalizerNamesAreValidated() {
    ObjectNode namespace =
        Manifests.yaml(
            "{apiVersion: v1, kind: Namespace, metadata: {name: x}, spec: {finalizers: [custom]}}");
    assertThat(Manifests.describe(Manifests.createErrors(namespace)))
        .containsExactly(
            "spec.finalizers: Invalid value: \"custom\": name is neither a standard finalizer name nor is it fully"
                + " qualified");
  }

  @Test
  void updatesKeepFinalizersAndStatusWhileStatusWritesKeepTheSpec() {
    ObjectNode old = create("{apiVersion: v1, kind: Namespace, metadata: {name: x}}");
    ObjectNode update =
        Manifests.merged(old, "{spec: {finalizers: []}, status: {phase: Terminating}}");
    assertThat(Manifests.updateErrors(update, old)).isEmpty();
    assertThat(update.get("spec")).isEqualTo(old.get("spec"));
    assertThat(update.get("status")).isEqualTo(old.get("status"));

    ObjectNode statusWrite =
        Manifests.merged(old, "{spec: {finalizers: []}, status: {phase: Terminating}}");
    new NamespaceStrategy().prepareForStatusUpdate(statusWrite, old);
    assertThat(statusWrite.get("spec")).isEqualTo(old.get("spec"));
    assertThat(Manifests.describe(new NamespaceStrategy().validateUpdate(statusWrite, old)))
        .containsExactly(
            "status.Phase: Invalid value: \"Terminating\": may only be 'Active' if `deletionTimestamp` is empty");
  }

  @Test
  void phaseIsSelectable() {
    IndexedFields.Builder fields = IndexedFields.builder();
    new NamespaceStrategy()
        .indexFields(create("{apiVersion: v1, kind: Namespace, metadata: {name: x}}"), fields);
    assertThat(fields.build().fields())
        .containsExactlyEntriesOf(java.util.Map.of("status.phase", "Active"));
  }
}
