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

/**
 * Deployments and ReplicaSets: defaults, selector/template rules, strategy rules, the status split.
 */
class DeploymentStrategyTest {

  static final String DEPLOYMENT =
      "{apiVersion: apps/v1, kind: Deployment, metadata: {name: web}, spec: {selector: {matchLabels: {app: web}},"
          + " template: {metadata: {labels: {app: web}}, spec: {containers: [{name: app, image: 'nginx:1.27'}]}}}}";
  static final String REPLICA_SET =
      DEPLOYMENT.replace("apps/v1, kind: Deployment", "apps/v1, kind: ReplicaSet");

  @Test
  void roundTripOfAMinimalDeployment() {
    ObjectNode deployment = Manifests.created(Manifests.yaml(DEPLOYMENT));
    ObjectNode metadata = (ObjectNode) deployment.get("metadata");
    metadata.remove("uid");
    metadata.remove("creationTimestamp");
    assertThat(deployment)
        .isEqualTo(
            Manifests.yaml(
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: default, generation: 1}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                      - name: app
                        image: nginx:1.27
                        imagePullPolicy: IfNotPresent
                        terminationMessagePath: /dev/termination-log
                        terminationMessagePolicy: File
                        resources: {}
                      dnsPolicy: ClusterFirst
                      restartPolicy: Always
                      securityContext: {}
                      terminationGracePeriodSeconds: 30
                      schedulerName: default-scheduler
                  strategy:
                    type: RollingUpdate
                    rollingUpdate: {maxUnavailable: 25%, maxSurge: 25%}
                  revisionHistoryLimit: 10
                  progressDeadlineSeconds: 600
                status: {}
                """));
    assertThat(new DeploymentStrategy().tracksGeneration()).isTrue();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        row("valid", "{}"),
        row(
            "selector required",
            "{spec: {selector: null}}",
            "spec.selector: Required value",
            "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not"
                + " match template `labels`"),
        row(
            "selector matches template",
            "{spec: {selector: {matchLabels: {app: api}}}}",
            "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not"
                + " match template `labels`"),
        row(
            "selector not empty",
            "{spec: {selector: {matchLabels: null}}}",
            "spec.selector: Invalid value: {}: empty selector is invalid for deployment"),
        row(
            "replicas not negative",
            "{spec: {replicas: -1}}",
            "spec.replicas: Invalid value: -1: must be greater than or equal to 0"),
        row(
            "pods always restart",
            "{spec: {template: {spec: {restartPolicy: OnFailure}}}}",
            "spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\""),
        row(
            "template pod spec validated",
            "{spec: {template: {spec: {containers: [{name: app}]}}}}",
            "spec.template.spec.containers[0].image: Required value"),
        row(
            "selector labels valid",
            "{spec: {selector: {matchLabels: {'a b': x}}, template: {metadata: {labels: {'a b': x}}}}}",
            "spec.selector.matchLabels: Invalid value: \"a b\": " + QUALIFIED,
            "spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"web\",\"a b\":\"x\"}}: invalid label selector"),
        row(
            "template labels valid (upstream reports them at spec.template.labels)",
            "{spec: {template: {metadata: {labels: {'x/y/z': v}}}}}",
            "spec.template.labels: Invalid value: \"x/y/z\": a qualified name must consist of alphanumeric"
                + " characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g."
                + " 'MyName',  or 'my.name',  or '123-abc', regex used for validation is"
                + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/'"
                + " (e.g. 'example.com/MyName')"),
        row(
            "recreate has no rolling update",
            "{spec: {strategy: {type: Recreate, rollingUpdate: {maxSurge: 1}}}}",
            "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"),
        row(
            "surge and unavailable not both zero",
            "{spec: {strategy: {rollingUpdate: {maxSurge: 0, maxUnavailable: 0%}}}}",
            "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"0%\": may not be 0 when `maxSurge` is 0"),
        row(
            "percent format",
            "{spec: {strategy: {rollingUpdate: {maxSurge: lots}}}}",
            "spec.strategy.rollingUpdate.maxSurge: Invalid value: \"lots\": a valid percent string must be a numeric"
                + " string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"),
        row(
            "strategy type",
            "{spec: {strategy: {type: BlueGreen}}}",
            "spec.strategy.type: Unsupported value: \"BlueGreen\": supported values: \"Recreate\", \"RollingUpdate\""));
  }

  static final String QUALIFIED =
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is"
          + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

  static Arguments row(String name, String patch, String... expected) {
    return Arguments.of(name, patch, List.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validatesLikeUpstream(String name, String patch, List<String> expected) {
    ObjectNode deployment = Manifests.merged(Manifests.yaml(DEPLOYMENT), patch);
    assertThat(Manifests.describe(Manifests.createErrors(deployment)))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void selectorIsImmutable() {
    ObjectNode old = Manifests.created(Manifests.yaml(DEPLOYMENT));
    ObjectNode update =
        Manifests.merged(
            old,
            "{spec: {selector: {matchLabels: {app: web, v: '2'}}, template: {metadata: {labels:"
                + " {app: web, v: '2'}}}}}");
    assertThat(Manifests.describe(Manifests.updateErrors(update, old)))
        .containsExactly(
            "spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"web\",\"v\":\"2\"}}: field is immutable");
  }

  @Test
  void statusWritesKeepSpecAndLabels() {
    ObjectNode old =
        Manifests.created(
            Manifests.merged(Manifests.yaml(DEPLOYMENT), "{metadata: {labels: {a: b}}}"));
    ObjectNode write =
        Manifests.merged(
            old, "{metadata: {labels: {a: c}}, spec: {replicas: 9}, status: {replicas: 1}}");
    new DeploymentStrategy().prepareForStatusUpdate(write, old);
    assertThat(write.get("spec")).isEqualTo(old.get("spec"));
    assertThat(write.path("metadata").get("labels")).isEqualTo(old.path("metadata").get("labels"));
    assertThat(write.path("status").path("replicas").asInt()).isEqualTo(1);
    ObjectNode update = Manifests.merged(old, "{spec: {replicas: 3}, status: {replicas: 5}}");
    new DeploymentStrategy().prepareForUpdate(update, old);
    assertThat(update.get("status")).isEqualTo(old.get("status"));
  }

  @Test
  void replicaSetsShareTheRulesAndIndexReplicas() {
    ObjectNode replicaSet = Manifests.created(Manifests.yaml(REPLICA_SET));
    assertThat(replicaSet.path("spec").path("replicas").asInt()).isEqualTo(1);
    assertThat(replicaSet.path("spec").has("strategy")).isFalse();
    assertThat(replicaSet.get("status")).isEqualTo(Manifests.yaml("{replicas: 0}"));
    ObjectNode bad =
        Manifests.merged(
            Manifests.yaml(REPLICA_SET), "{spec: {selector: {matchLabels: {app: api}}}}");
    assertThat(Manifests.describe(Manifests.createErrors(bad)))
        .containsExactly(
            "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not"
                + " match template `labels`");
    IndexedFields.Builder fields = IndexedFields.builder();
    new ReplicaSetStrategy().indexFields(replicaSet, fields);
    assertThat(fields.build().fields()).isEqualTo(Map.of("status.replicas", "0"));
  }
}
