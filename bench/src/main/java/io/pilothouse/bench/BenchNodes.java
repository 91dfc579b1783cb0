package io.pilothouse.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registers a Node object as a kubelet would (the node, then its status: 64 CPUs, 256 Gi, 110 pods,
 * Ready) for benchmarks that need schedulable nodes without a node agent.
 */
final class BenchNodes {

  private BenchNodes() {}

  /** Creates node {@code name} with the labels given as JSON members, then reports it Ready. */
  static void register(Api api, String name, String labelMembers) {
    String created =
        api.call(
            "POST",
            "/api/v1/nodes",
            "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\""
                + name
                + "\",\"labels\":{"
                + labelMembers
                + ",\"kubernetes.io/hostname\":\""
                + name
                + "\"}}}");
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    String resources = "{\"cpu\":\"64\",\"memory\":\"256Gi\",\"pods\":\"110\"}";
    String status =
        "{\"allocatable\":"
            + resources
            + ",\"capacity\":"
            + resources
            + ",\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"KubeletReady\","
            + "\"lastHeartbeatTime\":\""
            + now
            + "\",\"lastTransitionTime\":\""
            + now
            + "\"}]}";
    ObjectNode node = (ObjectNode) Api.JSON.readTree(created);
    node.set("status", Api.JSON.readTree(status));
    api.call("PUT", "/api/v1/nodes/" + name + "/status", node.toString());
  }
}
