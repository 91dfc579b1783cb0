package io.pilothouse.registry.patch;

import static io.pilothouse.registry.patch.PatchFixtures.json;
import static io.pilothouse.registry.patch.PatchFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The patches {@code kubectl apply} sends for an updated manifest (a three-way diff of the
 * last-applied configuration, the new manifest and the live object), applied to the live object the
 * API server holds, defaults and status included.
 */
class KubectlApplyTest {

  private static final PatchSchema DEPLOYMENT = PatchSchema.forKind("apps", "Deployment");

  private static final String LIVE =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: nginx-deployment
        namespace: default
        uid: 2f4d1c7e-7f0a-4c39-9a53-1b8c0d6f4e21
        resourceVersion: "1042"
        generation: 1
        annotations:
          deployment.kubernetes.io/revision: "1"
          kubectl.kubernetes.io/last-applied-configuration: |
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"nginx-deployment","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.14.2","name":"nginx","ports":[{"containerPort":80}]}]}}}}
      spec:
        progressDeadlineSeconds: 600
        replicas: 2
        revisionHistoryLimit: 10
        selector: {matchLabels: {app: nginx}}
        strategy:
          type: RollingUpdate
          rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}
        template:
          metadata: {labels: {app: nginx}}
          spec:
            containers:
            - name: nginx
              image: nginx:1.14.2
              imagePullPolicy: IfNotPresent
              ports: [{containerPort: 80, protocol: TCP}]
              resources: {}
              terminationMessagePath: /dev/termination-log
              terminationMessagePolicy: File
            dnsPolicy: ClusterFirst
            restartPolicy: Always
            schedulerName: default-scheduler
            securityContext: {}
            terminationGracePeriodSeconds: 30
      status:
        observedGeneration: 1
        replicas: 2
        readyReplicas: 2
        conditions:
        - {type: Available, status: "True", reason: MinimumReplicasAvailable}
        - {type: Progressing, status: "True", reason: NewReplicaSetAvailable}
      """;

  private static ObjectNode apply(String patchYaml) {
    return Patcher.apply(PatchType.STRATEGIC_MERGE_PATCH, yaml(LIVE), json(patchYaml), DEPLOYMENT);
  }

  @Test
  void imageUpdateKeepsServerDefaultsAndStatus() {
    String lastApplied =
        "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},"
            + "\"name\":\"nginx-deployment\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,"
            + "\"selector\":{\"matchLabels\":{\"app\":\"nginx\"}},\"template\":{\"metadata\":"
            + "{\"labels\":{\"app\":\"nginx\"}},\"spec\":{\"containers\":[{\"image\":"
            + "\"nginx:1.16.1\",\"name\":\"nginx\",\"ports\":[{\"containerPort\":80}]}]}}}}\n";
    String patch =
        "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":"
            + KubectlApplyTest.quote(lastApplied)
            + "}},\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":"
            + "[{\"name\":\"nginx\"}],\"containers\":[{\"image\":\"nginx:1.16.1\","
            + "\"name\":\"nginx\"}]}}}}";

    ObjectNode result =
        Patcher.apply(PatchType.STRATEGIC_MERGE_PATCH, yaml(LIVE), patch, DEPLOYMENT);

    ObjectNode expected = yaml(LIVE);
    ((ObjectNode) expected.at("/metadata/annotations"))
        .put("kubectl.kubernetes.io/last-applied-configuration", lastApplied);
    ((ObjectNode) expected.at("/spec/template/spec/containers/0")).put("image", "nginx:1.16.1");
    assertThat(result).isEqualTo(expected);
  }

  @Test
  void scaleAddSidecarAndEnvironment() {
    ObjectNode result =
        apply(
            """
            spec:
              replicas: 3
              template:
                spec:
                  $setElementOrder/containers: [{name: log}, {name: nginx}]
                  containers:
                  - name: log
                    image: busybox:1.36
                    args: [sh, -c, tail -F /var/log/nginx/access.log]
                  - name: nginx
                    env: [{name: MODE, value: prod}]
            """);

    assertThat(result.at("/spec/replicas").intValue()).isEqualTo(3);
    assertThat(result.at("/spec/replicas").isInt()).isTrue();
    assertThat(result.at("/spec/template/spec/containers"))
        .isEqualTo(
            yaml("""
                    c:
                    - name: log
                      image: busybox:1.36
                      args: [sh, -c, tail -F /var/log/nginx/access.log]
                    - name: nginx
                      image: nginx:1.14.2
                      imagePullPolicy: IfNotPresent
                      ports: [{containerPort: 80, protocol: TCP}]
                      resources: {}
                      terminationMessagePath: /dev/termination-log
                      terminationMessagePolicy: File
                      env: [{name: MODE, value: prod}]
                    """)
                .get("c"));
    assertThat(result.at("/status")).isEqualTo(yaml(LIVE).at("/status"));
  }

  @Test
  void replacingAContainerDeletesTheOldOne() {
    ObjectNode result =
        apply(
            """
            spec:
              template:
                spec:
                  $setElementOrder/containers: [{name: web}]
                  containers:
                  - {name: web, image: 'httpd:2.4'}
                  - {name: nginx, $patch: delete}
            """);

    assertThat(result.at("/spec/template/spec/containers"))
        .isEqualTo(yaml("c: [{name: web, image: 'httpd:2.4'}]").get("c"));
  }

  @Test
  void switchingToRecreateDropsRollingUpdate() {
    ObjectNode result =
        apply(
            """
            spec:
              strategy:
                $retainKeys: [type]
                rollingUpdate: null
                type: Recreate
            """);

    assertThat(result.at("/spec/strategy")).isEqualTo(yaml("type: Recreate"));
    assertThat(result.at("/spec/template")).isEqualTo(yaml(LIVE).at("/spec/template"));
  }

  @Test
  void retainKeysAloneClearsTheDefaultedRollingUpdate() {
    ObjectNode result = apply("spec: {strategy: {$retainKeys: [type], type: Recreate}}");

    assertThat(result.at("/spec/strategy")).isEqualTo(yaml("type: Recreate"));
  }

  private static String quote(String text) {
    return tools.jackson.databind.node.StringNode.valueOf(text).toString();
  }
}
