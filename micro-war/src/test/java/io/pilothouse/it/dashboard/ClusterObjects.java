package io.pilothouse.it.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.it.ControlPlane;
import io.pilothouse.it.Json;
import java.net.http.HttpResponse;

/**
 * Makes the objects the dashboard tests look at, through the API as any client would: nodes as a
 * node agent registers them, namespaces, pods (bound or not), Secrets and Deployments.
 */
final class ClusterObjects {

  private final ControlPlane api;

  ClusterObjects(ControlPlane api) {
    this.api = api;
  }

  /**
   * A Ready node with no kubelet behind it, tainted so that the scheduler never places other tests'
   * pods on it (the dashboard's own pods are bound by name).
   */
  void node(String name) throws Exception {
    post(
        "/api/v1/nodes",
        """
        {"apiVersion":"v1","kind":"Node","metadata":{"name":"%s",
         "labels":{"kubernetes.io/hostname":"%s","node-role.kubernetes.io/worker":""}},
         "spec":{"taints":[{"key":"pilothouse.io/test-node","value":"dashboard","effect":"NoSchedule"}]},
         "status":{"capacity":{"cpu":"4","memory":"8Gi","pods":"110"},
          "allocatable":{"cpu":"4","memory":"8Gi","pods":"110"},
          "conditions":[{"type":"Ready","status":"True","reason":"KubeletReady","message":"ready"}],
          "nodeInfo":{"kubeletVersion":"v1.32.0"}}}
        """
            .formatted(name, name));
  }

  void namespace(String name) throws Exception {
    post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + name + "\"}}");
  }

  /** A pod, bound to {@code node} unless it is null. */
  void pod(String namespace, String name, String node) throws Exception {
    String nodeName = node == null ? "" : "\"nodeName\":\"" + node + "\",";
    post(
        "/api/v1/namespaces/" + namespace + "/pods",
        """
        {"metadata":{"name":"%s","labels":{"app":"%s"}},
         "spec":{%s"containers":[{"name":"main","image":"busybox",
          "resources":{"requests":{"cpu":"250m","memory":"128Mi"}}}]}}
        """
            .formatted(name, name.replaceAll("-\\d+$", ""), nodeName));
  }

  void secretAndPodUsingIt(String namespace, String pod, String secretValue) throws Exception {
    String encoded =
        java.util.Base64.getEncoder()
            .encodeToString(secretValue.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    post(
        "/api/v1/namespaces/" + namespace + "/secrets",
        "{\"metadata\":{\"name\":\"db\"},\"data\":{\"password\":\"" + encoded + "\"}}");
    post(
        "/api/v1/namespaces/" + namespace + "/pods",
        """
        {"metadata":{"name":"%s"},
         "spec":{"containers":[{"name":"main","image":"busybox","env":[
           {"name":"GREETING","value":"hello"},
           {"name":"DB_PASSWORD","valueFrom":{"secretKeyRef":{"name":"db","key":"password"}}}]}]}}
        """
            .formatted(pod));
  }

  void deployment(String namespace, String name, int replicas) throws Exception {
    deployment(
        namespace, name, replicas, "{\"containers\":[{\"name\":\"main\",\"image\":\"busybox\"}]}");
  }

  /**
   * A Deployment whose pods run {@code sleep} on {@code node}, tolerating its taint {@code key}.
   */
  void deploymentOn(String namespace, String name, int replicas, String node, String key)
      throws Exception {
    deployment(
        namespace,
        name,
        replicas,
        """
        {"nodeSelector":{"kubernetes.io/hostname":"%s"},
         "tolerations":[{"key":"%s","operator":"Exists"}],
         "terminationGracePeriodSeconds":1,
         "containers":[{"name":"main","image":"busybox","command":["sleep","3600"]}]}
        """
            .formatted(node, key));
  }

  private void deployment(String namespace, String name, int replicas, String podSpec)
      throws Exception {
    post(
        "/apis/apps/v1/namespaces/" + namespace + "/deployments",
        """
        {"metadata":{"name":"%s"},
         "spec":{"replicas":%d,"selector":{"matchLabels":{"app":"%s"}},
          "template":{"metadata":{"labels":{"app":"%s"}},"spec":%s}}}
        """
            .formatted(name, replicas, name, name, podSpec));
  }

  void patchLabels(String path, String labelsJson) throws Exception {
    HttpResponse<String> response =
        api.send(
            "PATCH",
            path,
            "application/merge-patch+json",
            "{\"metadata\":{\"labels\":" + labelsJson + "}}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /** GETs an object; its JSON, or null when it is gone. */
  String get(String path) throws Exception {
    HttpResponse<String> response = api.get(path);
    return response.statusCode() == 404 ? null : response.body();
  }

  String field(String path, String jsonPath) throws Exception {
    String body = get(path);
    return body == null ? null : Json.path(body, jsonPath);
  }

  private void post(String path, String json) throws Exception {
    HttpResponse<String> response = api.send("POST", path, "application/json", json);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
  }
}
