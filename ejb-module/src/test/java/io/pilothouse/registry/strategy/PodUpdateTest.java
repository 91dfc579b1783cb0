package io.pilothouse.registry.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.store.IndexedFields;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** Pod updates: what the spec may change, the spec/status split and the selectable fields. */
class PodUpdateTest {

  static final String FORBIDDEN_PREFIX =
      "spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,"
          + "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to"
          + " existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was"
          + " previously negative)\n";

  static ObjectNode stored(String patch) {
    ObjectNode pod = Manifests.merged(Manifests.yaml(PodDefaultsTest.POD), patch);
    Manifests.created(pod);
    ((ObjectNode) pod.get("metadata")).put("resourceVersion", "7");
    return pod;
  }

  static Stream<Arguments> updates() {
    return Stream.of(
        Arguments.of(
            "image",
            "{}",
            "{spec: {containers: [{name: app, image: 'nginx:1.27', imagePullPolicy: Always}]}}",
            List.of()),
        Arguments.of(
            "active deadline shrinks",
            "{spec: {activeDeadlineSeconds: 100}}",
            "{spec: {activeDeadlineSeconds: 50}}",
            List.of()),
        Arguments.of(
            "active deadline grows",
            "{spec: {activeDeadlineSeconds: 100}}",
            "{spec: {activeDeadlineSeconds: 200}}",
            List.of(
                "spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value")),
        Arguments.of(
            "added container",
            "{}",
            "{spec: {containers: [{name: app, image: nginx}, {name: two, image: nginx}]}}",
            List.of("spec.containers: Forbidden: pod updates may not add or remove containers")),
        Arguments.of(
            "removed scheduling gate",
            "{spec: {schedulingGates: [{name: a}, {name: b}]}}",
            "{spec: {schedulingGates: [{name: a}]}}",
            List.of()),
        Arguments.of(
            "added scheduling gate",
            "{spec: {schedulingGates: [{name: a}]}}",
            "{spec: {schedulingGates: [{name: a}, {name: b}]}}",
            List.of(
                "spec.schedulingGates[1].name: Forbidden: only deletion is allowed, but found new scheduling gate 'b'")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("updates")
  void onlyUpstreamsMutableFieldsChange(
      String name, String before, String change, List<String> expected) {
    ObjectNode old = stored(before);
    ObjectNode updated = Manifests.merged(old, change);
    assertThat(Manifests.describe(Manifests.updateErrors(updated, old)))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void otherSpecChangesAreForbiddenWithADiff() {
    ObjectNode old = stored("{}");
    ObjectNode updated = Manifests.merged(old, "{spec: {restartPolicy: Never}}");
    List<String> errors = Manifests.describe(Manifests.updateErrors(updated, old));
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0))
        .startsWith(FORBIDDEN_PREFIX)
        .contains("-   restartPolicy: \"Always\"")
        .contains("+   restartPolicy: \"Never\"");
  }

  @Test
  void tolerationsMayOnlyBeAdded() {
    ObjectNode old = stored("{}");
    ObjectNode added =
        Manifests.merged(
            old,
            "{spec: {tolerations: [{key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute,"
                + " tolerationSeconds: 60}, {key: node.kubernetes.io/unreachable, operator: Exists, effect:"
                + " NoExecute, tolerationSeconds: 300}, {key: gpu, operator: Exists}]}}");
    assertThat(Manifests.updateErrors(added, old)).isEmpty();
    ObjectNode withGpu = stored("{spec: {tolerations: [{key: gpu, operator: Exists}]}}");
    ObjectNode removed =
        Manifests.merged(withGpu, "{spec: {tolerations: [{key: other, operator: Exists}]}}");
    assertThat(Manifests.describe(Manifests.updateErrors(removed, withGpu)))
        .containsExactly(
            "spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds");
  }

  @Test
  void defaultTolerationsComeBackOnUpdateAsTheAdmissionPluginAddsThem() {
    // kubectl apply replaces the (atomic) list with the manifest's, without the defaults
    ObjectNode old = stored("{spec: {tolerations: [{key: gpu, operator: Exists}]}}");
    ObjectNode applied =
        Manifests.merged(old, "{spec: {tolerations: [{key: gpu, operator: Exists}]}}");
    assertThat(Manifests.updateErrors(applied, old)).isEmpty();
    assertThat(applied.path("spec").path("tolerations"))
        .isEqualTo(old.path("spec").path("tolerations"));
  }

  @Test
  void mainUpdatesKeepTheStatusAndStatusWritesKeepTheSpec() {
    ObjectNode old = stored("{}");
    ObjectNode update = Manifests.merged(old, "{status: {phase: Running}}");
    new PodStrategy().prepareForUpdate(update, old);
    assertThat(update.path("status").path("phase").asString()).isEqualTo("Pending");

    ObjectNode statusWrite =
        Manifests.merged(
            old, "{spec: {nodeName: sneaky}, status: {phase: Running, podIP: 127.0.0.5}}");
    new PodStrategy().prepareForStatusUpdate(statusWrite, old);
    assertThat(statusWrite.get("spec")).isEqualTo(old.get("spec"));
    assertThat(statusWrite.path("status").path("phase").asString()).isEqualTo("Running");
    assertThat(new PodStrategy().validateUpdate(statusWrite, old)).isEmpty();
  }

  @Test
  void theQosClassIsImmutable() {
    ObjectNode old = stored("{}");
    ObjectNode statusWrite = Manifests.merged(old, "{status: {qosClass: Guaranteed}}");
    new PodStrategy().prepareForStatusUpdate(statusWrite, old);
    assertThat(Manifests.describe(new PodStrategy().validateUpdate(statusWrite, old)))
        .containsExactly("status.qosClass: Invalid value: \"Guaranteed\": field is immutable");
  }

  @Test
  void updatesWithoutAdmittedFieldsKeepThem() {
    ObjectNode old = stored("{}");
    ObjectNode update =
        Manifests.merged(
            old, "{spec: {serviceAccountName: null, serviceAccount: null, priority: null}}");
    assertThat(Manifests.updateErrors(update, old)).isEmpty();
    assertThat(update.path("spec").path("serviceAccountName").asString()).isEqualTo("default");
  }

  @Test
  void indexesUpstreamsSelectableFieldsAndWhetherThePodIsBeingDeleted() {
    ObjectNode pod =
        Manifests.merged(
            stored("{spec: {nodeName: node-1}}"),
            "{status: {phase: Running, podIPs: [{ip: 127.0.0.7}], nominatedNodeName: n2}}");
    IndexedFields.Builder fields = IndexedFields.builder();
    new PodStrategy().indexFields(pod, fields);
    assertThat(fields.build().fields())
        .containsEntry("spec.nodeName", "node-1")
        .containsEntry("spec.restartPolicy", "Always")
        .containsEntry("spec.schedulerName", "default-scheduler")
        .containsEntry("spec.serviceAccountName", "default")
        .containsEntry("spec.hostNetwork", "false")
        .containsEntry("status.phase", "Running")
        .containsEntry("status.podIP", "127.0.0.7")
        .containsEntry("status.nominatedNodeName", "n2")
        .containsEntry("metadata.deletionTimestamp", "")
        .hasSize(9);

    ObjectNode deleting =
        Manifests.merged(pod, "{metadata: {deletionTimestamp: '2026-11-29T14:00:00Z'}}");
    IndexedFields.Builder deletingFields = IndexedFields.builder();
    new PodStrategy().indexFields(deleting, deletingFields);
    assertThat(deletingFields.build().fields())
        .containsEntry("metadata.deletionTimestamp", "2026-11-29T14:00:00Z");
  }
}
