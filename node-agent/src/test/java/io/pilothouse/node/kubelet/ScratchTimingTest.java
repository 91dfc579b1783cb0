package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class ScratchTimingTest {
  KubernetesClient client;

  long t0 = System.nanoTime();

  void lap(String what) {
    System.out.println("LAP " + what + " " + (System.nanoTime() - t0) / 1_000_000 + "ms");
    t0 = System.nanoTime();
  }

  @Test
  void timing() {
    Pod pod = client.pods().inNamespace("default").resource(new PodBuilder()
        .withNewMetadata().withName("web").withNamespace("default").endMetadata()
        .withNewSpec().withNodeName("node-a").addNewContainer().withName("app").withImage("busybox").endContainer().endSpec()
        .build()).create();
    lap("create");
    client.pods().inNamespace("default").withName("web").edit(p -> new PodBuilder(p).editMetadata().addToLabels("touched", "yes").endMetadata().build());
    lap("edit");
    ApiServerKubeletApi api = new ApiServerKubeletApi(client, null, "node-a");
    api.updatePodStatus(pod, new PodStatusBuilder().withPhase("Running").build());
    lap("updateStatus");
    Pod now = client.pods().inNamespace("default").withName("web").get();
    lap("get");
    api.finishPodDeletion(now);
    lap("delete");
    api.updatePodStatus(now, new PodStatusBuilder().withPhase("Failed").build());
    lap("update gone");
  }
}
