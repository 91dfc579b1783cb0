package io.pilothouse.registry.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.registry.validation.Trees;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What a Pod gets on create: upstream's defaults, the admission defaults and its first status. */
class PodDefaultsTest {

  static final String POD =
      "{apiVersion: v1, kind: Pod, metadata: {name: web}, spec: {containers: [{name: app, image: nginx}]}}";

  static ObjectNode create(String patch) {
    return Manifests.created(Manifests.merged(Manifests.yaml(POD), patch));
  }

  @Test
  void roundTripOfAMinimalPod() {
    ObjectNode pod = Manifests.created(Manifests.yaml(POD));
    ObjectNode metadata = (ObjectNode) pod.get("metadata");
    metadata.remove("uid");
    metadata.remove("creationTimestamp");
    assertThat(pod)
        .isEqualTo(
            Manifests.yaml(
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: default}
                spec:
                  containers:
                  - name: app
                    image: nginx
                    imagePullPolicy: Always
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                    resources: {}
                  dnsPolicy: ClusterFirst
                  restartPolicy: Always
                  securityContext: {}
                  terminationGracePeriodSeconds: 30
                  schedulerName: default-scheduler
                  enableServiceLinks: true
                  serviceAccountName: default
                  serviceAccount: default
                  priority: 0
                  preemptionPolicy: PreemptLowerPriority
                  tolerations:
                  - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
                  - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
                status: {phase: Pending, qosClass: BestEffort}
                """));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "nginx, Always",
    "nginx:latest, Always",
    "nginx:1.27, IfNotPresent",
    "registry:5000/team/app, Always",
    "registry:5000/team/app:v2, IfNotPresent",
    "nginx@sha256:0123456789abcdef, IfNotPresent",
    "nginx:latest@sha256:0123456789abcdef, Always",
  })
  void pullPolicyFollowsTheTag(String image, String policy) {
    ObjectNode pod = create("{spec: {containers: [{name: app, image: '" + image + "'}]}}");
    assertThat(container(pod).get("imagePullPolicy").asString()).isEqualTo(policy);
  }

  static Stream<Arguments> qos() {
    return Stream.of(
        Arguments.of("no resources", "{}", "BestEffort"),
        Arguments.of(
            "limits only (requests default to them)",
            "{limits: {cpu: 500m, memory: 64Mi}}",
            "Guaranteed"),
        Arguments.of(
            "requests below limits",
            "{requests: {cpu: 100m}, limits: {cpu: 500m, memory: 64Mi}}",
            "Burstable"),
        Arguments.of("memory only", "{limits: {memory: 64Mi}}", "Burstable"),
        Arguments.of("extended resource only", "{limits: {example.com/dongle: 1}}", "BestEffort"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("qos")
  void qosClassIsComputedAsUpstream(String name, String resources, String expected) {
    ObjectNode pod =
        create("{spec: {containers: [{name: app, image: nginx, resources: " + resources + "}]}}");
    assertThat(pod.path("status").path("qosClass").asString()).isEqualTo(expected);
  }

  @Test
  void podLevelResourcesDecideTheQosClass() {
    ObjectNode pod =
        create(
            "{spec: {resources: {limits: {cpu: 1, memory: 100Mi}}, containers: [{name: app, image: nginx,"
                + " resources: {requests: {cpu: 100m}}}]}}");
    assertThat(pod.path("spec").path("resources").path("requests").path("cpu").asString())
        .isEqualTo("100m");
    assertThat(pod.path("spec").path("resources").path("requests").path("memory").asString())
        .isEqualTo("100Mi");
    assertThat(pod.path("status").path("qosClass").asString()).isEqualTo("Burstable");
  }

  @Test
  void quantitiesAreCanonicalAndRequestsDefaultToLimits() {
    ObjectNode pod =
        create(
            "{spec: {containers: [{name: app, image: nginx, resources: {limits: {cpu: '0.5', memory: 1024Mi}}}]}}");
    JsonNode resources = container(pod).get("resources");
    assertThat(resources)
        .isEqualTo(
            Manifests.yaml(
                "{limits: {cpu: 500m, memory: 1Gi}, requests: {cpu: 500m, memory: 1Gi}}"));
  }

  @Test
  void probesPortsAndEnvGetTheirDefaults() {
    ObjectNode pod =
        create(
            "{spec: {containers: [{name: app, image: nginx, ports: [{containerPort: 80}],"
                + " livenessProbe: {httpGet: {port: 80}}, readinessProbe: {grpc: {port: 9000}},"
                + " env: [{name: NODE, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}},"
                + " {name: CPU, valueFrom: {resourceFieldRef: {resource: limits.cpu}}}]}]}}");
    JsonNode container = container(pod);
    assertThat(container.path("ports").get(0).path("protocol").asString()).isEqualTo("TCP");
    assertThat(container.get("livenessProbe"))
        .isEqualTo(
            Manifests.yaml(
                "{httpGet: {port: 80, path: /, scheme: HTTP}, timeoutSeconds: 1, periodSeconds: 10,"
                    + " successThreshold: 1, failureThreshold: 3}"));
    assertThat(container.path("readinessProbe").path("grpc").path("service").asString()).isEmpty();
    assertThat(
            container
                .path("env")
                .get(0)
                .path("valueFrom")
                .path("fieldRef")
                .path("apiVersion")
                .asString())
        .isEqualTo("v1");
    assertThat(
            container
                .path("env")
                .get(1)
                .path("valueFrom")
                .path("resourceFieldRef")
                .path("divisor")
                .asString())
        .isEqualTo("0");
  }

  @Test
  void volumesGetModesAndASource() {
    ObjectNode pod =
        create(
            "{spec: {volumes: [{name: scratch}, {name: cfg, configMap: {name: c}}, {name: s, secret: {secretName: s}},"
                + " {name: host, hostPath: {path: /var/log}}, {name: p, projected: {sources: [{serviceAccountToken:"
                + " {path: token}}]}}]}}");
    JsonNode volumes = pod.path("spec").path("volumes");
    assertThat(volumes.get(0).get("emptyDir")).isEqualTo(Manifests.yaml("{}"));
    assertThat(volumes.get(1).path("configMap").path("defaultMode").asInt()).isEqualTo(420);
    assertThat(volumes.get(2).path("secret").path("defaultMode").asInt()).isEqualTo(420);
    assertThat(volumes.get(3).path("hostPath").path("type").asString()).isEmpty();
    assertThat(volumes.get(4).path("projected").path("defaultMode").asInt()).isEqualTo(420);
    assertThat(
            volumes
                .get(4)
                .path("projected")
                .path("sources")
                .get(0)
                .path("serviceAccountToken")
                .path("expirationSeconds")
                .asInt())
        .isEqualTo(3600);
  }

  @Test
  void existingTolerationsAndAccountsAreKept() {
    ObjectNode pod =
        create(
            "{spec: {serviceAccountName: builder, priorityClassName: system-node-critical, tolerations:"
                + " [{operator: Exists}]}}");
    JsonNode spec = pod.get("spec");
    assertThat(spec.path("tolerations")).hasSize(1);
    assertThat(spec.path("serviceAccount").asString()).isEqualTo("builder");
    assertThat(spec.path("priority").asInt()).isEqualTo(2000001000);
  }

  @Test
  void schedulingGatesHoldThePodScheduledCondition() {
    ObjectNode pod = create("{spec: {schedulingGates: [{name: example.com/quota}]}}");
    assertThat(pod.path("status").path("conditions"))
        .isEqualTo(
            Manifests.yamlValue(
                "[{type: PodScheduled, status: 'False', reason: SchedulingGated, message: Scheduling is blocked due"
                    + " to non-empty scheduling gates}]"));
  }

  @Test
  void clientStatusIsReplacedAndHostNetworkPortsAreMirrored() {
    ObjectNode pod =
        create(
            "{spec: {hostNetwork: true, containers: [{name: app, image: nginx, ports: [{containerPort: 8080}]}]},"
                + " status: {phase: Running, podIP: 1.2.3.4}}");
    assertThat(pod.get("status"))
        .isEqualTo(Manifests.yaml("{phase: Pending, qosClass: BestEffort}"));
    assertThat(container(pod).path("ports").get(0).path("hostPort").asInt()).isEqualTo(8080);
  }

  static JsonNode container(ObjectNode pod) {
    return Trees.items(pod.get("spec"), "containers").get(0);
  }
}
