package io.pilothouse.scheduler.framework;

import io.fabric8.kubernetes.api.model.Pod;

/**
 * Null-safe reads of the pod fields the scheduler routes on (namespace, name, node, phase,
 * deletion), so a half-filled object from the store never throws a NullPointerException.
 */
public final class Pods {

  private Pods() {}

  public static String namespace(Pod pod) {
    String namespace = pod.getMetadata() == null ? null : pod.getMetadata().getNamespace();
    return namespace == null || namespace.isEmpty() ? "default" : namespace;
  }

  public static String name(Pod pod) {
    String name = pod.getMetadata() == null ? null : pod.getMetadata().getName();
    return name == null ? "" : name;
  }

  /** {@code namespace/name}. */
  public static String key(Pod pod) {
    return namespace(pod) + "/" + name(pod);
  }

  /** The bound node, or null if the pod is not bound. */
  public static String nodeName(Pod pod) {
    String nodeName = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    return nodeName == null || nodeName.isEmpty() ? null : nodeName;
  }

  public static String schedulerName(Pod pod) {
    String name = pod.getSpec() == null ? null : pod.getSpec().getSchedulerName();
    return name == null || name.isEmpty() ? "default-scheduler" : name;
  }

  public static boolean isTerminating(Pod pod) {
    return pod.getMetadata() != null && pod.getMetadata().getDeletionTimestamp() != null;
  }

  /** Succeeded or Failed: the pod's containers will not run again. */
  public static boolean isTerminal(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }
}
