package io.pilothouse.controller.util;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.pilothouse.json.KubernetesJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's {@code GetPodFromTemplate}: a new pod named {@code <owner>-<random>} with the
 * template's labels, annotations, finalizers and spec, controlled by the owner.
 */
public final class PodTemplates {

  private PodTemplates() {}

  public static Pod newPod(HasMetadata owner, PodTemplateSpec template) {
    Pod pod = new Pod();
    ObjectMeta meta = new ObjectMeta();
    meta.setNamespace(owner.getMetadata().getNamespace());
    meta.setGenerateName(owner.getMetadata().getName() + "-");
    ObjectMeta source = template.getMetadata();
    if (source != null) {
      meta.setLabels(copy(source.getLabels()));
      meta.setAnnotations(copy(source.getAnnotations()));
      meta.setFinalizers(source.getFinalizers());
    }
    meta.setOwnerReferences(List.of(OwnerRefs.controllerRef(owner)));
    pod.setMetadata(meta);
    pod.setSpec(
        KubernetesJson.mapper()
            .convertValue(template.getSpec(), io.fabric8.kubernetes.api.model.PodSpec.class));
    return pod;
  }

  private static Map<String, String> copy(Map<String, String> map) {
    return map == null ? null : new HashMap<>(map);
  }
}
