package io.pilothouse.registry.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pod validation on create, one rule per row: the pod is the minimal valid pod with a merge patch
 * applied, and the row lists exactly the causes upstream answers with.
 */
class PodValidationTest {

  static final String C0 = "spec.containers[0]";
  static final String PORT_RANGE = "must be between 1 and 65535, inclusive";

  static Stream<Arguments> cases() {
    return Stream.of(
        row("valid", "{}"),
        row("no containers", "{spec: {containers: []}}", "spec.containers: Required value"),
        row(
            "container name not a label",
            "{spec: {containers: [{name: Web_1, image: nginx}]}}",
            C0
                + ".name: Invalid value: \"Web_1\": a lowercase RFC 1123 label must consist of lower case"
                + " alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g."
                + " 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"),
        row(
            "container names unique across init and regular",
            "{spec: {initContainers: [{name: app, image: busybox}]}}",
            "spec.initContainers[0].name: Duplicate value: \"app\""),
        row("image required", "{spec: {containers: [{name: app}]}}", C0 + ".image: Required value"),
        row(
            "port required and in range",
            "{spec: {containers: [{name: app, image: nginx, ports: [{containerPort: 0}, {containerPort: 70000}]}]}}",
            C0 + ".ports[0].containerPort: Required value",
            C0 + ".ports[1].containerPort: Invalid value: 70000: " + PORT_RANGE),
        row(
            "protocol supported",
            "{spec: {containers: [{name: app, image: nginx, ports: [{containerPort: 80, protocol: HTTP}]}]}}",
            C0
                + ".ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\""),
        row(
            "port names short and unique",
            "{spec: {containers: [{name: app, image: nginx, ports: [{containerPort: 80, name: web},"
                + " {containerPort: 81, name: web}, {containerPort: 82, name: very-long-port-name}]}]}}",
            C0 + ".ports[1].name: Duplicate value: \"web\"",
            C0
                + ".ports[2].name: Invalid value: \"very-long-port-name\": must be no more than 15 characters"),
        row(
            "restart policy supported",
            "{spec: {restartPolicy: Sometimes}}",
            "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\","
                + " \"Never\""),
        row(
            "quantity parses",
            "{spec: {containers: [{name: app, image: nginx, resources: {requests: {cpu: lots}}}]}}",
            C0
                + ".resources.requests[cpu]: Invalid value: \"lots\": quantities must match the regular expression"
                + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
        row(
            "requests within limits",
            "{spec: {containers: [{name: app, image: nginx, resources: {requests: {cpu: 2}, limits: {cpu: 1}}}]}}",
            C0
                + ".resources.requests: Invalid value: \"2\": must be less than or equal to cpu limit of 1"),
        row(
            "extended resources not overcommitted",
            "{spec: {containers: [{name: app, image: nginx, resources: {requests: {example.com/gpu: 1}}}]}}",
            C0
                + ".resources.limits: Required value: Limit must be set for non overcommitable resources"),
        row(
            "resource names",
            "{spec: {containers: [{name: app, image: nginx, resources: {requests: {cpus: 1}}}]}}",
            C0
                + ".resources.requests[cpus]: Invalid value: \"cpus\": must be a standard resource type or fully"
                + " qualified",
            C0
                + ".resources.requests[cpus]: Invalid value: \"cpus\": must be a standard resource for containers"),
        row(
            "env names printable without '='",
            "{spec: {containers: [{name: app, image: nginx, env: [{name: 'A=B', value: x}, {value: y}]}]}}",
            C0
                + ".env[0].name: Invalid value: \"A=B\": a valid environment variable name must consist only of"
                + " printable ASCII characters other than '='",
            C0 + ".env[1].name: Required value"),
        row(
            "env value sources exclusive",
            "{spec: {containers: [{name: app, image: nginx, env: [{name: A, value: x, valueFrom: {fieldRef:"
                + " {fieldPath: metadata.name}}}, {name: B, valueFrom: {fieldRef: {fieldPath: spec.nope}}}]}]}}",
            C0
                + ".env[0].valueFrom: Invalid value: \"\": may not be specified when `value` is not empty",
            C0
                + ".env[1].valueFrom.fieldRef.fieldPath: Invalid value: \"spec.nope\": error converting fieldPath:"
                + " field label not supported: spec.nope"),
        row(
            "one volume source",
            "{spec: {volumes: [{name: v, emptyDir: {}, hostPath: {path: /x}}]}}",
            "spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type"),
        row(
            "volume names unique",
            "{spec: {volumes: [{name: v, emptyDir: {}}, {name: v, emptyDir: {}}]}}",
            "spec.volumes[1].name: Duplicate value: \"v\""),
        row(
            "mounts name a volume",
            "{spec: {containers: [{name: app, image: nginx, volumeMounts: [{name: data, mountPath: /data}]}]}}",
            C0 + ".volumeMounts[0].name: Not found: \"data\""),
        row(
            "secret volume names its secret",
            "{spec: {volumes: [{name: s, secret: {defaultMode: 1000}}]}}",
            "spec.volumes[0].secret.secretName: Required value",
            "spec.volumes[0].secret.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal),"
                + " both inclusive"),
        row(
            "probe has one handler",
            "{spec: {containers: [{name: app, image: nginx, livenessProbe: {exec: {command: [true]}, httpGet:"
                + " {port: 80}}, readinessProbe: {periodSeconds: 5}}]}}",
            C0 + ".livenessProbe.httpGet: Forbidden: may not specify more than 1 handler type",
            C0 + ".readinessProbe: Required value: must specify a handler type"),
        row(
            "liveness success threshold is 1",
            "{spec: {containers: [{name: app, image: nginx, livenessProbe: {tcpSocket: {port: web},"
                + " successThreshold: 2}}]}}",
            C0 + ".livenessProbe.successThreshold: Invalid value: 2: must be 1"),
        row(
            "node selector labels",
            "{spec: {nodeSelector: {disk: 'fast ssd'}}}",
            "spec.nodeSelector: Invalid value: \"fast ssd\": a valid label must be an empty string or consist of"
                + " alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
                + " (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is"
                + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"),
        row(
            "node affinity terms",
            "{spec: {affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution:"
                + " {nodeSelectorTerms: []}}}}}",
            "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required"
                + " value: must have at least one node selector term"),
        row(
            "node affinity operators",
            "{spec: {affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms:"
                + " [{matchExpressions: [{key: a, operator: In}, {key: b, operator: Exists, values: [x]},"
                + " {key: c, operator: Gt, values: ['1', '2']}, {key: d, operator: Near}]}]}}}}}",
            affinity(0)
                + ".values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
            affinity(1)
                + ".values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
            affinity(2)
                + ".values: Required value: must be specified single value when `operator` is 'Lt' or 'Gt'",
            affinity(3) + ".operator: Invalid value: \"Near\": not a valid selector operator"),
        row(
            "pod affinity needs a topology key",
            "{spec: {affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector:"
                + " {matchLabels: {app: db}}}]}}}}",
            "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required"
                + " value: can not be empty",
            "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value:"
                + " \"\": name part must be non-empty",
            "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value:"
                + " \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end"
                + " with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for"
                + " validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"),
        row(
            "tolerations",
            "{spec: {tolerations: [{key: a, operator: Exists, value: x}, {key: b, value: y, effect: Sometimes}]}}",
            "spec.tolerations[0].operator: Invalid value: \"x\": value must be empty when `operator` is 'Exists'",
            "spec.tolerations[1].effect: Unsupported value: \"Sometimes\": supported values: \"NoSchedule\","
                + " \"PreferNoSchedule\", \"NoExecute\""),
        row(
            "topology spread",
            "{spec: {topologySpreadConstraints: [{maxSkew: 0, whenUnsatisfiable: Maybe}]}}",
            "spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero",
            "spec.topologySpreadConstraints[0].topologyKey: Required value: can not be empty",
            "spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: \"Maybe\": supported values:"
                + " \"DoNotSchedule\", \"ScheduleAnyway\""),
        row("scheduling gates accepted", "{spec: {schedulingGates: [{name: example.com/quota}]}}"),
        row(
            "sidecar init containers may probe",
            "{spec: {initContainers: [{name: side, image: envoy, restartPolicy: Always, readinessProbe:"
                + " {tcpSocket: {port: 9901}}}]}}"),
        row(
            "plain init containers may not probe",
            "{spec: {initContainers: [{name: init, image: busybox, readinessProbe: {tcpSocket: {port: 1}}}]}}",
            "spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without"
                + " restartPolicy=Always"),
        row(
            "ephemeral containers not on create",
            "{spec: {ephemeralContainers: [{name: debug, image: busybox}]}}",
            "spec.ephemeralContainers: Forbidden: cannot be set on create"),
        row(
            "active deadline positive",
            "{spec: {activeDeadlineSeconds: 0}}",
            "spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive"));
  }

  static String affinity(int i) {
    return "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
        + ".matchExpressions["
        + i
        + "]";
  }

  static Arguments row(String name, String patch, String... expected) {
    return Arguments.of(name, patch, List.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validatesLikeUpstream(String name, String patch, List<String> expected) {
    var pod = Manifests.merged(Manifests.yaml(PodDefaultsTest.POD), patch);
    assertThat(Manifests.describe(Manifests.createErrors(pod)))
        .containsExactlyInAnyOrderElementsOf(expected);
  }
}
