package io.pilothouse.registry.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** Jobs: the generated selector, defaults, validation rows and update rules. */
class JobStrategyTest {

  static final String JOB =
      "{apiVersion: batch/v1, kind: Job, metadata: {name: pi}, spec: {template: {spec: {restartPolicy: Never,"
          + " containers: [{name: pi, image: perl}]}}}}";

  @Test
  void generatesSelectorLabelsAndDefaults() {
    ObjectNode job = Manifests.created(Manifests.yaml(JOB));
    String uid = job.path("metadata").path("uid").asString();
    ObjectNode labels =
        Manifests.yaml(
            "{job-name: pi, batch.kubernetes.io/job-name: pi, controller-uid: "
                + uid
                + ", batch.kubernetes.io/controller-uid: "
                + uid
                + "}");
    assertThat(job.path("spec").path("template").path("metadata").get("labels")).isEqualTo(labels);
    assertThat(job.path("metadata").get("labels")).isEqualTo(labels);
    assertThat(job.path("spec").get("selector"))
        .isEqualTo(
            Manifests.yaml("{matchLabels: {batch.kubernetes.io/controller-uid: " + uid + "}}"));
    assertThat(job.path("spec").path("completions").asInt()).isEqualTo(1);
    assertThat(job.path("spec").path("parallelism").asInt()).isEqualTo(1);
    assertThat(job.path("spec").path("backoffLimit").asInt()).isEqualTo(6);
    assertThat(job.path("spec").path("completionMode").asString()).isEqualTo("NonIndexed");
    assertThat(job.path("spec").path("suspend").asBoolean()).isFalse();
    assertThat(job.path("spec").path("podReplacementPolicy").asString())
        .isEqualTo("TerminatingOrFailed");
    assertThat(job.get("status")).isEqualTo(Manifests.yaml("{}"));
    assertThat(new JobStrategy().validate(job)).isEmpty();
  }

  @Test
  void parallelismAloneLeavesCompletionsUnsetAndPerIndexBackoffRaisesTheLimit() {
    ObjectNode job =
        Manifests.created(
            Manifests.merged(
                Manifests.yaml(JOB),
                "{spec: {parallelism: 3, completions: 6, completionMode: Indexed, backoffLimitPerIndex: 1}}"));
    assertThat(job.path("spec").path("backoffLimit").asInt()).isEqualTo(Integer.MAX_VALUE);
    ObjectNode workQueue =
        Manifests.created(Manifests.merged(Manifests.yaml(JOB), "{spec: {parallelism: 3}}"));
    assertThat(workQueue.path("spec").has("completions")).isFalse();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        row("valid", "{}"),
        row(
            "pods may not restart always",
            "{spec: {template: {spec: {restartPolicy: Always}}}}",
            "spec.template.spec.restartPolicy: Required value: valid values: [\"OnFailure\" \"Never\"]"),
        row(
            "completion mode",
            "{spec: {completionMode: Sometimes}}",
            "spec.completionMode: Unsupported value: \"Sometimes\": supported values: \"NonIndexed\", \"Indexed\""),
        row(
            "indexed needs completions",
            "{spec: {completionMode: Indexed, parallelism: 2}}",
            "spec.completions: Required value: when completion mode is Indexed"),
        row(
            "per-index backoff needs indexed",
            "{spec: {backoffLimitPerIndex: 1}}",
            "spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode"),
        row(
            "failure policy needs Never",
            "{spec: {template: {spec: {restartPolicy: OnFailure}}, podFailurePolicy: {rules: [{action: Ignore,"
                + " onPodConditions: [{type: DisruptionTarget}]}]}}}",
            "spec.template.spec.restartPolicy: Invalid value: \"OnFailure\": only \"Never\" is supported when"
                + " podFailurePolicy is specified"),
        row(
            "failure policy rules",
            "{spec: {podFailurePolicy: {rules: [{action: Explode, onExitCodes: {containerName: other, operator: In,"
                + " values: [0, 3, 2]}}, {action: Ignore}]}}}",
            "spec.podFailurePolicy.rules[0].action: Unsupported value: \"Explode\": supported values: \"Count\","
                + " \"FailIndex\", \"FailJob\", \"Ignore\"",
            "spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: \"other\": must be one of the"
                + " container or initContainer names in the pod template",
            "spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In"
                + " operator",
            "spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Invalid value: 2: must be ordered",
            "spec.podFailurePolicy.rules[1]: Invalid value: specifying one of OnExitCodes and OnPodConditions is"
                + " required"),
        row(
            "success policy needs indexed",
            "{spec: {successPolicy: {rules: [{succeededCount: 1}]}}}",
            "spec.completionMode: Invalid value: \"NonIndexed\": requires indexed completion mode"),
        row(
            "manual selector must match",
            "{spec: {manualSelector: true, selector: {matchLabels: {app: other}}, template: {metadata: {labels:"
                + " {app: pi}}}}}",
            "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"pi\"}: `selector` does not"
                + " match template `labels`"));
  }

  static Arguments row(String name, String patch, String... expected) {
    return Arguments.of(name, patch, List.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validatesLikeUpstream(String name, String patch, List<String> expected) {
    ObjectNode job = Manifests.merged(Manifests.yaml(JOB), patch);
    assertThat(Manifests.describe(Manifests.createErrors(job)))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void templateAndCompletionsAreImmutable() {
    ObjectNode old = Manifests.created(Manifests.yaml(JOB));
    ObjectNode update =
        Manifests.merged(
            old, "{spec: {completions: 2, template: {spec: {activeDeadlineSeconds: 5}}}}");
    List<String> errors = Manifests.describe(Manifests.updateErrors(update, old));
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0)).isEqualTo("spec.completions: Invalid value: 2: field is immutable");
    assertThat(errors.get(1))
        .startsWith("spec.template: Invalid value: {")
        .endsWith("}: field is immutable");
  }

  @Test
  void suspendedJobsMayMoveTheirPods() {
    ObjectNode old =
        Manifests.created(Manifests.merged(Manifests.yaml(JOB), "{spec: {suspend: true}}"));
    ObjectNode update =
        Manifests.merged(
            old,
            "{spec: {suspend: false, template: {spec: {nodeSelector: {zone: a}, tolerations: [{operator: Exists}]}}}}");
    assertThat(Manifests.updateErrors(update, old)).isEmpty();
  }

  @Test
  void indexedJobsScaleCompletionsWithParallelism() {
    ObjectNode old =
        Manifests.created(
            Manifests.merged(
                Manifests.yaml(JOB),
                "{spec: {completionMode: Indexed, completions: 4, parallelism: 4}}"));
    assertThat(
            Manifests.updateErrors(
                Manifests.merged(old, "{spec: {completions: 6, parallelism: 6}}"), old))
        .isEmpty();
    assertThat(
            Manifests.describe(
                Manifests.updateErrors(Manifests.merged(old, "{spec: {completions: 6}}"), old)))
        .containsExactly(
            "spec.completions: Invalid value: 6: can only be modified in tandem with spec.parallelism");
  }
}
