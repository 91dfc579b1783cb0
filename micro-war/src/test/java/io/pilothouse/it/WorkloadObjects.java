package io.pilothouse.it;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import java.util.Map;

/** Deployments and Jobs whose pods land only on one IT's own test nodes. */
final class WorkloadObjects {

  private WorkloadObjects() {}

  /** A template of one container, labelled {@code app=name}, placed by {@code nodeSelector}. */
  static PodTemplateSpec template(String app, Map<String, String> nodeSelector, String image) {
    Pod pod = TestNodes.pod("unused", nodeSelector, List.of());
    pod.getSpec().getContainers().get(0).setImage(image);
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .addToLabels("app", app)
        .endMetadata()
        .withSpec(pod.getSpec())
        .build();
  }

  static Deployment deployment(
      String name, int replicas, Map<String, String> nodeSelector, int surge, int unavailable) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withTemplate(template(name, nodeSelector, "nginx:1.27"))
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(new IntOrString(surge))
        .withMaxUnavailable(new IntOrString(unavailable))
        .endRollingUpdate()
        .endStrategy()
        .endSpec()
        .build();
  }

  static Job job(String name, Map<String, String> nodeSelector, int completions, int backoffLimit) {
    PodTemplateSpec template = template(name, nodeSelector, "busybox:1.36");
    template.getSpec().setRestartPolicy("Never");
    return new JobBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withCompletions(completions)
        .withParallelism(1)
        .withBackoffLimit(backoffLimit)
        .withTemplate(template)
        .endSpec()
        .build();
  }
}
