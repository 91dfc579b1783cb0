package io.pilothouse.controller.testing;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.pilothouse.controller.ControllerContext;
import java.time.Instant;
import java.util.Map;

/** Builders of the pods and templates the workload controller tests start from. */
public final class Workloads {

  private Workloads() {}

  /** A template with one container of {@code image} and the given labels. */
  public static PodTemplateSpec template(Map<String, String> labels, String image) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withContainers(new ContainerBuilder().withName("c").withImage(image).build())
        .endSpec()
        .build();
  }

  /** A pod in {@code ns} with labels, optionally bound, in a phase, ready since {@code ready}. */
  public static Pod pod(
      String ns,
      String name,
      Map<String, String> labels,
      String node,
      String phase,
      Instant ready) {
    PodBuilder b =
        new PodBuilder()
            .withNewMetadata()
            .withNamespace(ns)
            .withName(name)
            .withLabels(labels)
            .endMetadata()
            .withNewSpec()
            .withNodeName(node)
            .withContainers(new ContainerBuilder().withName("c").withImage("i").build())
            .endSpec()
            .withNewStatus()
            .withPhase(phase)
            .endStatus();
    if (ready != null) {
      b.editStatus()
          .withConditions(
              new PodConditionBuilder()
                  .withType("Ready")
                  .withStatus("True")
                  .withLastTransitionTime(ready.toString())
                  .build())
          .endStatus();
    }
    return b.build();
  }

  /** Marks a stored pod Running and Ready since {@code at}, as a kubelet would. */
  public static void markReady(FakeObjectClient client, Pod pod, Instant at) {
    Pod fresh =
        client.require(Pod.class, pod.getMetadata().getNamespace(), pod.getMetadata().getName());
    fresh.setStatus(pod("x", "x", Map.of(), null, "Running", at).getStatus());
    client.updateStatus(fresh);
  }

  /** A context on the fakes. */
  public static ControllerContext context(
      FakeObjectClient client, FakeEventRecorder events, MutableClock clock) {
    return new ControllerContext(client, events, clock);
  }
}
