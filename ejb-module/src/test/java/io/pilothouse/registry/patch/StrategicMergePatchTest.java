package io.pilothouse.registry.patch;

import static io.pilothouse.registry.patch.PatchFixtures.smp;
import static io.pilothouse.registry.patch.PatchFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Strategic merge patches on the kinds this server serves, with their upstream merge keys. */
class StrategicMergePatchTest {

  private static final PatchSchema POD = PatchSchema.forKind("", "Pod");
  private static final PatchSchema NODE = PatchSchema.forKind("", "Node");
  private static final PatchSchema SERVICE = PatchSchema.forKind("", "Service");
  private static final PatchSchema DEPLOYMENT = PatchSchema.forKind("apps", "Deployment");
  private static final PatchSchema JOB = PatchSchema.forKind("batch", "Job");
  private static final PatchSchema UNKNOWN = PatchSchema.forKind("example.com", "Widget");

  private static final String TWO_CONTAINERS =
      """
      spec:
        containers:
        - name: web
          image: nginx:1.15
          ports: [{containerPort: 80, name: http}]
          env: [{name: A, value: '1'}, {name: B, value: '2'}]
        - name: log
          image: busybox
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "container merged by name: image changed, other container kept",
            POD,
            TWO_CONTAINERS,
            "spec: {containers: [{name: web, image: 'nginx:1.16'}]}",
            """
            spec:
              containers:
              - name: web
                image: nginx:1.16
                ports: [{containerPort: 80, name: http}]
                env: [{name: A, value: '1'}, {name: B, value: '2'}]
              - name: log
                image: busybox
            """),
        Arguments.of(
            "env merged by name",
            POD,
            "spec: {containers: [{name: web, env: [{name: A, value: '1'}, {name: B, value: '2'}]}]}",
            "spec: {containers: [{name: web, env: [{name: B, value: '3'}, {name: C, value: '4'}]}]}",
            "spec: {containers: [{name: web, env: [{name: A, value: '1'}, {name: B, value: '3'},"
                + " {name: C, value: '4'}]}]}"),
        Arguments.of(
            "ports merged by containerPort",
            POD,
            "spec: {containers: [{name: web, ports: [{containerPort: 80, name: http}]}]}",
            "spec: {containers: [{name: web, ports: [{containerPort: 80, protocol: TCP},"
                + " {containerPort: 443, name: https}]}]}",
            "spec: {containers: [{name: web, ports: [{containerPort: 80, name: http, protocol:"
                + " TCP}, {containerPort: 443, name: https}]}]}"),
        Arguments.of(
            "a new element is put before the server's elements, as upstream",
            POD,
            "spec: {containers: [{name: web, ports: [{containerPort: 80}]}]}",
            "spec: {containers: [{name: web, ports: [{containerPort: 443}]}]}",
            "spec: {containers: [{name: web, ports: [{containerPort: 443}, {containerPort: 80}]}]}"),
        Arguments.of(
            "merge keys and primitives compare numbers by value",
            POD,
            "metadata: {finalizers: [1, 2]}\n"
                + "spec: {containers: [{name: web, ports: [{containerPort: 80, name: http}]}]}",
            "metadata: {finalizers: [2.0], $deleteFromPrimitiveList/finalizers: [1.0]}\n"
                + "spec: {containers: [{name: web, ports: [{containerPort: 80.0, protocol: TCP}]}]}",
            "metadata: {finalizers: [2]}\n"
                + "spec: {containers: [{name: web, ports: [{containerPort: 80.0, name: http,"
                + " protocol: TCP}]}]}"),
        Arguments.of(
            "$patch: delete removes the container with that name",
            POD,
            TWO_CONTAINERS,
            "spec: {containers: [{name: log, $patch: delete}]}",
            """
            spec:
              containers:
              - name: web
                image: nginx:1.15
                ports: [{containerPort: 80, name: http}]
                env: [{name: A, value: '1'}, {name: B, value: '2'}]
            """),
        Arguments.of(
            "$patch: replace in a list replaces the list",
            POD,
            TWO_CONTAINERS,
            "spec: {containers: [{name: solo, image: alpine}, {$patch: replace}]}",
            "spec: {containers: [{name: solo, image: alpine}]}"),
        Arguments.of(
            "$patch: replace on a map replaces the map",
            POD,
            "metadata: {labels: {app: web, tier: fe}}",
            "metadata: {labels: {$patch: replace, app: api}}",
            "metadata: {labels: {app: api}}"),
        Arguments.of(
            "$patch: delete on a map removes it",
            POD,
            "spec: {securityContext: {runAsUser: 1000}, hostname: h}",
            "spec: {securityContext: {$patch: delete}}",
            "spec: {hostname: h}"),
        Arguments.of(
            "null deletes a key, other keys merge",
            POD,
            "metadata: {labels: {app: web, tier: fe}, annotations: {a: b}}",
            "metadata: {labels: {tier: null, track: stable}}",
            "metadata: {labels: {app: web, track: stable}, annotations: {a: b}}"),
        Arguments.of(
            "finalizers are unioned",
            POD,
            "metadata: {finalizers: [a, b]}",
            "metadata: {finalizers: [b, c]}",
            "metadata: {finalizers: [a, b, c]}"),
        Arguments.of(
            "$deleteFromPrimitiveList/finalizers",
            POD,
            "metadata: {finalizers: [a, b, c]}",
            "metadata: {$deleteFromPrimitiveList/finalizers: [b, x]}",
            "metadata: {finalizers: [a, c]}"),
        Arguments.of(
            "ownerReferences merged by uid",
            POD,
            "metadata: {ownerReferences: [{uid: u1, name: rs1, controller: true}]}",
            "metadata: {ownerReferences: [{uid: u1, controller: false}, {uid: u2, name: rs2}]}",
            "metadata: {ownerReferences: [{uid: u1, name: rs1, controller: false},"
                + " {uid: u2, name: rs2}]}"),
        Arguments.of(
            "$setElementOrder/containers orders the merged list",
            POD,
            TWO_CONTAINERS,
            "spec: {$setElementOrder/containers: [{name: log}, {name: web}, {name: new}],"
                + " containers: [{name: new, image: alpine}]}",
            """
            spec:
              containers:
              - name: log
                image: busybox
              - name: web
                image: nginx:1.15
                ports: [{containerPort: 80, name: http}]
                env: [{name: A, value: '1'}, {name: B, value: '2'}]
              - name: new
                image: alpine
            """),
        Arguments.of(
            "pod conditions merged by type",
            POD,
            "status: {conditions: [{type: Ready, status: 'False'}, {type: PodScheduled, status:"
                + " 'True'}]}",
            "status: {conditions: [{type: Ready, status: 'True'}]}",
            "status: {conditions: [{type: Ready, status: 'True'}, {type: PodScheduled, status:"
                + " 'True'}]}"),
        Arguments.of(
            "job conditions merged by type",
            JOB,
            "status: {conditions: [{type: Suspended, status: 'True'}]}",
            "status: {conditions: [{type: Complete, status: 'True'}]}",
            "status: {conditions: [{type: Complete, status: 'True'}, {type: Suspended, status:"
                + " 'True'}]}"),
        Arguments.of(
            "node addresses and conditions merged by type, podCIDRs unioned",
            NODE,
            "spec: {podCIDRs: [10.0.0.0/24]}\n"
                + "status: {addresses: [{type: InternalIP, address: 127.0.0.2}],"
                + " conditions: [{type: Ready, status: 'True'}]}",
            "spec: {podCIDRs: ['fd00::/64']}\n"
                + "status: {addresses: [{type: Hostname, address: n1}],"
                + " conditions: [{type: Ready, status: Unknown}]}",
            "spec: {podCIDRs: ['fd00::/64', 10.0.0.0/24]}\n"
                + "status: {addresses: [{type: Hostname, address: n1}, {type: InternalIP,"
                + " address: 127.0.0.2}], conditions: [{type: Ready, status: Unknown}]}"),
        Arguments.of(
            "service ports merged by port",
            SERVICE,
            "spec: {ports: [{port: 80, targetPort: 8080, protocol: TCP}]}",
            "spec: {ports: [{port: 80, targetPort: 9090}]}",
            "spec: {ports: [{port: 80, targetPort: 9090, protocol: TCP}]}"),
        Arguments.of(
            "the same PodSpec keys under a Deployment's spec.template.spec",
            DEPLOYMENT,
            "spec: {template: {spec: {containers: [{name: web, env: [{name: A, value: '1'}]},"
                + " {name: log}], volumes: [{name: data, emptyDir: {}}]}}}",
            "spec: {template: {spec: {containers: [{name: web, env: [{name: B, value: '2'}]}],"
                + " volumes: [{name: cache, emptyDir: {}}]}}}",
            "spec: {template: {spec: {containers: [{name: web, env: [{name: B, value: '2'},"
                + " {name: A, value: '1'}]}, {name: log}], volumes: [{name: cache, emptyDir: {}},"
                + " {name: data, emptyDir: {}}]}}}"),
        Arguments.of(
            "$retainKeys on Deployment spec.strategy: RollingUpdate to Recreate",
            DEPLOYMENT,
            "spec: {strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 30%, maxUnavailable:"
                + " 25%}}}",
            "spec: {strategy: {$retainKeys: [type], type: Recreate}}",
            "spec: {strategy: {type: Recreate}}"),
        Arguments.of(
            "$retainKeys in a pod volume: emptyDir swapped for a configMap",
            POD,
            "spec: {volumes: [{name: data, emptyDir: {}}, {name: tmp, emptyDir: {}}]}",
            "spec: {volumes: [{name: data, $retainKeys: [configMap, name], configMap: {name:"
                + " cm}}]}",
            "spec: {volumes: [{name: data, configMap: {name: cm}}, {name: tmp, emptyDir: {}}]}"),
        Arguments.of(
            "a list without a merge strategy is replaced",
            POD,
            "spec: {tolerations: [{key: a, operator: Exists}], containers: [{name: web, args: [x,"
                + " y]}]}",
            "spec: {tolerations: [{key: b, operator: Exists}], containers: [{name: web, args:"
                + " [z]}]}",
            "spec: {tolerations: [{key: b, operator: Exists}], containers: [{name: web, args:"
                + " [z]}]}"),
        Arguments.of(
            "an unknown kind: maps merge, lists are replaced, finalizers still merge",
            UNKNOWN,
            "metadata: {finalizers: [a]}\nspec: {items: [{name: x}], size: 1}",
            "metadata: {finalizers: [b]}\nspec: {items: [{name: y}]}",
            "metadata: {finalizers: [b, a]}\nspec: {items: [{name: y}], size: 1}"),
        Arguments.of(
            "directives never end up in what the patch adds",
            POD,
            "spec: {containers: [{name: web}]}",
            "spec: {containers: [{name: web}, {name: new, $setElementOrder/env: [{name: A}], env:"
                + " [{name: A, value: '1', extra: null}]}], newMap: {$retainKeys: [a], a: 1, b:"
                + " null}, gone: {$patch: delete}}",
            "spec: {containers: [{name: web}, {name: new, env: [{name: A, value: '1'}]}], newMap:"
                + " {a: 1}}"),
        Arguments.of(
            "a value of another type replaces the old one",
            POD,
            "spec: {a: [1, 2], b: {c: d}, e: 1}",
            "spec: {a: {x: 1}, b: [1], e: {f: g}}",
            "spec: {a: {x: 1}, b: [1], e: {f: g}}"),
        Arguments.of(
            "$patch: replace of the whole object",
            POD,
            "metadata: {name: a, labels: {x: y}}\nspec: {containers: [{name: web}]}",
            "$patch: replace\nmetadata: {name: a}",
            "metadata: {name: a}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void patches(String name, PatchSchema schema, String current, String patch, String expected) {
    assertThat(smp(schema, current, patch)).isEqualTo(yaml(expected));
  }
}
