package io.pilothouse.scheduler;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Compact builders of nodes and pods for scheduler tests. */
public final class Fixtures {

  private Fixtures() {}

  /** A ready node with 4 cpu, 8Gi memory and 110 pods allocatable unless changed. */
  public static NodeBuilder node(String name) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("kubernetes.io/hostname", name)
        .endMetadata()
        .withNewSpec()
        .endSpec()
        .withNewStatus()
        .withAllocatable(resources("4", "8Gi", "110"))
        .withCapacity(resources("4", "8Gi", "110"))
        .endStatus();
  }

  public static Node node(String name, String cpu, String memory, String pods) {
    return node(name)
        .editStatus()
        .withAllocatable(resources(cpu, memory, pods))
        .endStatus()
        .build();
  }

  public static Map<String, Quantity> resources(String cpu, String memory, String pods) {
    Map<String, Quantity> list = new HashMap<>();
    if (cpu != null) {
      list.put("cpu", new Quantity(cpu));
    }
    if (memory != null) {
      list.put("memory", new Quantity(memory));
    }
    if (pods != null) {
      list.put("pods", new Quantity(pods));
    }
    return list;
  }

  public static Taint taint(String key, String value, String effect) {
    return new Taint(effect, key, null, value);
  }

  public static Toleration toleration(String key, String operator, String value, String effect) {
    return new Toleration(effect, key, operator, null, value);
  }

  /**
   * A pending pod in namespace "default" with one container requesting cpu/memory (may be null).
   */
  public static PodBuilder pod(String name, String cpu, String memory) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("default")
        .withName(name)
        .withUid(UUID.nameUUIDFromBytes(name.getBytes()).toString())
        .endMetadata()
        .withNewSpec()
        .withSchedulerName("default-scheduler")
        .withContainers(container("app", cpu, memory))
        .endSpec();
  }

  public static Pod pod(String name) {
    return pod(name, null, null).build();
  }

  public static Container container(String name, String cpu, String memory) {
    return new ContainerBuilder()
        .withName(name)
        .withImage("example/app:1")
        .withNewResources()
        .withRequests(resources(cpu, memory, null))
        .endResources()
        .build();
  }

  /** The pod bound to the node (as the API would return it after the binding). */
  public static Pod bound(Pod pod, String nodeName) {
    return new PodBuilder(pod).editSpec().withNodeName(nodeName).endSpec().build();
  }

  public static LabelSelector selector(String key, String value) {
    return new LabelSelectorBuilder().addToMatchLabels(key, value).build();
  }
}
