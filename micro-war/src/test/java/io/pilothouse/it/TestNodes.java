package io.pilothouse.it;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Node objects and pods for scheduler and node-lifecycle tests, created through the API as a
 * kubelet would register its node (then its status: allocatable 4 CPUs, 8 Gi, 110 pods, Ready).
 * Every test node carries a private NoSchedule taint, so pods of other tests never land on it;
 * {@link #pod} builds a pod tolerating that taint and selecting nodes by a label.
 */
final class TestNodes {

  /** The taint key that keeps other tests' pods off these nodes. */
  static final String PRIVATE = "pilothouse.io/test-node";

  private TestNodes() {}

  static Node create(
      KubernetesClient client, String name, Map<String, String> labels, List<Taint> taints) {
    Node node =
        new NodeBuilder()
            .withNewMetadata()
            .withName(name)
            .withLabels(labels)
            .addToLabels("kubernetes.io/hostname", name)
            .endMetadata()
            .withNewSpec()
            .withTaints(taints)
            .addToTaints(privateTaint())
            .endSpec()
            .build();
    Node created = client.nodes().resource(node).create();
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    created.setStatus(
        new io.fabric8.kubernetes.api.model.NodeStatusBuilder()
            .addToAllocatable("cpu", new Quantity("4"))
            .addToAllocatable("memory", new Quantity("8Gi"))
            .addToAllocatable("pods", new Quantity("110"))
            .addToCapacity("cpu", new Quantity("4"))
            .addToCapacity("memory", new Quantity("8Gi"))
            .addToCapacity("pods", new Quantity("110"))
            .addNewCondition()
            .withType("Ready")
            .withStatus("True")
            .withReason("KubeletReady")
            .withLastHeartbeatTime(now)
            .withLastTransitionTime(now)
            .endCondition()
            .build());
    return client.nodes().resource(created).updateStatus();
  }

  static Taint taint(String key, String value, String effect) {
    return new TaintBuilder().withKey(key).withValue(value).withEffect(effect).build();
  }

  static Toleration toleration(String key, String value, String effect) {
    return new TolerationBuilder()
        .withKey(key)
        .withOperator("Equal")
        .withValue(value)
        .withEffect(effect)
        .build();
  }

  private static Taint privateTaint() {
    return taint(PRIVATE, "true", "NoSchedule");
  }

  /** A pod tolerating the private taint, selecting nodes by {@code selector}. */
  static Pod pod(String name, Map<String, String> selector, List<Toleration> tolerations) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withNodeSelector(selector)
        .addToTolerations(toleration(PRIVATE, "true", "NoSchedule"))
        .addAllToTolerations(tolerations)
        .addNewContainer()
        .withName("main")
        .withImage("busybox:1.36")
        .withCommand("sleep", "3600")
        .withNewResources()
        .addToRequests("cpu", new Quantity("100m"))
        .addToRequests("memory", new Quantity("64Mi"))
        .endResources()
        .endContainer()
        .endSpec()
        .build();
  }
}
