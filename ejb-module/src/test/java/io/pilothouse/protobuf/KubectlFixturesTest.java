package io.pilothouse.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.json.KubernetesJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes request bodies captured from the real kubectl v1.32 ({@code *.pb} fixtures, see the
 * README next to them) and compares them with the JSON kubectl prints for the same object with
 * {@code --dry-run=client -o json} ({@code *.json}, nulls dropped), then field by field.
 */
class KubectlFixturesTest {

  static byte[] fixture(String name) {
    try (InputStream in = KubectlFixturesTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode decode(String name) {
    return ProtobufDecoder.decode(fixture(name + ".pb"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "namespace",
        "namespace-dryrun",
        "configmap",
        "secret",
        "secret-docker",
        "deployment",
        "deployment-multi",
        "service",
        "service-nodeport",
        "service-headless",
        "job",
        "serviceaccount",
        "job-from-cronjob"
      })
  void decodesAsKubectlPrintsTheSameObject(String name) {
    JsonNode expected = KubernetesJson.mapper().readTree(fixture(name + ".json"));
    dropNulls(expected);
    assertThat(decode(name)).isEqualTo(expected);
  }

  private static void dropNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (entry.getValue().isNull()) {
          it.remove();
        }
      }
    }
    node.values().forEach(KubectlFixturesTest::dropNulls);
  }

  @Test
  void namespace() {
    ObjectNode ns = decode("namespace");
    assertThat(ns.get("apiVersion").asString()).isEqualTo("v1");
    assertThat(ns.get("kind").asString()).isEqualTo("Namespace");
    assertThat(ns.at("/metadata/name").asString()).isEqualTo("demo");
    // kubectl sends every non-pointer field: "" and 0 of omitempty fields must not survive
    assertThat(ns.get("metadata").propertyNames()).containsExactly("name");
  }

  @Test
  void configMapAndSecretData() {
    ObjectNode cm = decode("configmap");
    assertThat(cm.at("/data/a").asString()).isEqualTo("b");
    assertThat(cm.at("/data/x").asString()).isEqualTo("y");
    ObjectNode secret = decode("secret");
    assertThat(Base64.getDecoder().decode(secret.at("/data/p").asString()))
        .isEqualTo(new byte[] {'q'});
    assertThat(Base64.getDecoder().decode(secret.at("/data/bin").asString()))
        .isEqualTo(new byte[] {1, 2, (byte) 0xFF});
    assertThat(decode("secret-docker").at("/type").asString())
        .isEqualTo("kubernetes.io/dockerconfigjson");
  }

  @Test
  void deployment() {
    ObjectNode d = decode("deployment");
    assertThat(d.get("apiVersion").asString()).isEqualTo("apps/v1");
    assertThat(d.at("/metadata/labels/app").asString()).isEqualTo("d");
    assertThat(d.at("/spec/replicas").intValue()).isEqualTo(3);
    assertThat(d.at("/spec/selector/matchLabels/app").asString()).isEqualTo("d");
    JsonNode container = d.at("/spec/template/spec/containers/0");
    assertThat(container.get("name").asString()).isEqualTo("nginx");
    assertThat(container.get("image").asString()).isEqualTo("nginx");
    assertThat(container.at("/ports/0/containerPort").intValue()).isEqualTo(80);
    assertThat(container.get("resources").isObject()).isTrue();
    assertThat(d.at("/spec/template/spec/containers").size()).isOne();
    assertThat(decode("deployment-multi").at("/spec/template/spec/containers/1/image").asString())
        .isEqualTo("busybox");
  }

  @Test
  void serviceTargetPortIsIntOrString() {
    ObjectNode svc = decode("service");
    JsonNode ports = svc.at("/spec/ports");
    assertThat(ports.get(0).get("port").intValue()).isEqualTo(80);
    assertThat(ports.get(0).get("targetPort").isInt()).isTrue();
    assertThat(ports.get(0).get("targetPort").intValue()).isEqualTo(8080);
    assertThat(ports.get(1).get("targetPort").isString()).isTrue();
    assertThat(ports.get(1).get("targetPort").asString()).isEqualTo("https");
    assertThat(ports.get(0).get("protocol").asString()).isEqualTo("TCP");
    assertThat(ports.get(0).has("nodePort")).isFalse(); // 0 with omitempty
    assertThat(svc.at("/spec/type").asString()).isEqualTo("ClusterIP");
    assertThat(svc.at("/spec/selector/app").asString()).isEqualTo("svc");
    assertThat(decode("service-nodeport").at("/spec/ports/0/nodePort").intValue()).isEqualTo(30080);
    assertThat(decode("service-headless").at("/spec/clusterIP").asString()).isEqualTo("None");
  }

  @Test
  void job() {
    ObjectNode job = decode("job");
    assertThat(job.get("kind").asString()).isEqualTo("Job");
    JsonNode pod = job.at("/spec/template/spec");
    assertThat(pod.at("/containers/0/command").toString()).isEqualTo("[\"echo\",\"hi\"]");
    assertThat(pod.get("restartPolicy").asString()).isEqualTo("Never");
  }

  @Test
  void jobFromCronJobCarriesARichPodTemplate() {
    ObjectNode job = decode("job-from-cronjob");
    assertThat(job.at("/metadata/annotations/cronjob.kubernetes.io~1instantiate").asString())
        .isEqualTo("manual");
    JsonNode owner = job.at("/metadata/ownerReferences/0");
    assertThat(owner.get("kind").asString()).isEqualTo("CronJob");
    assertThat(owner.get("controller").booleanValue()).isTrue();
    assertThat(job.at("/spec/backoffLimit").intValue()).isZero(); // pointer: 0 stays
    assertThat(job.at("/spec/activeDeadlineSeconds").longValue()).isEqualTo(3600);
    assertThat(job.at("/spec/podFailurePolicy/rules/0/onExitCodes/values").toString())
        .isEqualTo("[1,2,42]");
    JsonNode pod = job.at("/spec/template/spec");
    assertThat(pod.at("/containers/0/resources/limits/memory").asString()).isEqualTo("128Mi");
    assertThat(pod.at("/containers/0/livenessProbe/httpGet/port").asString()).isEqualTo("http");
    assertThat(pod.at("/containers/0/readinessProbe/tcpSocket/port").intValue()).isEqualTo(8080);
    assertThat(pod.at("/containers/0/env/1").toString()).isEqualTo("{\"name\":\"EMPTY\"}");
    assertThat(pod.at("/volumes/0/emptyDir/sizeLimit").asString()).isEqualTo("1Gi");
    assertThat(pod.at("/volumes/3/emptyDir").isObject()).isTrue();
    assertThat(pod.at("/tolerations/1/tolerationSeconds").longValue()).isEqualTo(300);
    assertThat(pod.get("priority").intValue()).isEqualTo(-5);
    assertThat(pod.get("terminationGracePeriodSeconds").intValue()).isZero();
  }

  @Test
  void podFromKubectlDebug() {
    ObjectNode node = decode("debug-node");
    assertThat(node.get("kind").asString()).isEqualTo("Pod");
    assertThat(node.at("/spec/nodeName").asString()).isEqualTo("n1");
    assertThat(node.at("/spec/hostPID").booleanValue()).isTrue();
    assertThat(node.at("/spec/hostNetwork").booleanValue()).isTrue();
    assertThat(node.at("/spec/volumes/0/hostPath/path").asString()).isEqualTo("/");
    assertThat(node.at("/spec/tolerations/0").toString()).isEqualTo("{\"operator\":\"Exists\"}");

    ObjectNode copy = decode("debug-copy");
    JsonNode spec = copy.get("spec");
    assertThat(copy.at("/metadata/name").asString()).isEqualTo("rich-debug");
    // VolumeSource is inlined into Volume, ProbeHandler into Probe
    assertThat(spec.at("/volumes/1/configMap/items/0/mode").intValue()).isEqualTo(0400);
    assertThat(spec.at("/volumes/1/configMap/defaultMode").intValue()).isEqualTo(0644);
    assertThat(spec.at("/volumes/2/secret/optional").booleanValue()).isFalse();
    assertThat(
            spec.at("/volumes/5/projected/sources/0/serviceAccountToken/expirationSeconds")
                .intValue())
        .isEqualTo(3600);
    JsonNode app = spec.at("/containers/0");
    assertThat(app.at("/startupProbe/exec/command/1").asString()).isEqualTo("/tmp/ok");
    assertThat(app.at("/livenessProbe/httpGet/httpHeaders/0/name").asString()).isEqualTo("X-A");
    assertThat(app.at("/env/4/valueFrom/resourceFieldRef/divisor").asString()).isEqualTo("1Mi");
    assertThat(app.at("/securityContext/capabilities/drop/0").asString()).isEqualTo("ALL");
    assertThat(app.at("/lifecycle/preStop/sleep/seconds").intValue()).isEqualTo(3);
    assertThat(spec.at("/initContainers/0/restartPolicy").asString()).isEqualTo("Always");
    assertThat(spec.at("/containers/1/name").asString()).isEqualTo("dbg");
    assertThat(
            spec.at(
                    "/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution"
                        + "/nodeSelectorTerms/0/matchExpressions/0/values")
                .toString())
        .isEqualTo("[\"a\",\"b\"]");
    assertThat(spec.at("/overhead/cpu").asString()).isEqualTo("10m");
    assertThat(spec.at("/securityContext/sysctls/0/value").asString()).isEqualTo("1024");
  }

  @Test
  void deleteOptionsFromKubectlDrain() {
    ObjectNode options = decode("deleteoptions");
    assertThat(options.toString())
        .isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"DeleteOptions\",\"gracePeriodSeconds\":30}");
  }
}
