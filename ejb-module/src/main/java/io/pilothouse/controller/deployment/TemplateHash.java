package io.pilothouse.controller.deployment;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.pilothouse.json.KubernetesJson;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The {@code pod-template-hash} of a Deployment's template, as upstream's {@code ComputeHash}: an
 * FNV-1a 32-bit hash of the template (here its canonical JSON) and the collision count, its decimal
 * digits spelt with {@code SafeEncodeString}'s alphabet; and the template comparison that ignores
 * that label ({@code EqualIgnoreHash}).
 */
final class TemplateHash {

  /** Upstream's {@code DefaultDeploymentUniqueLabelKey}. */
  static final String LABEL = "pod-template-hash";

  private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

  private TemplateHash() {}

  static String compute(PodTemplateSpec template, Integer collisionCount) {
    String json = KubernetesJson.mapper().writeValueAsString(canonical(template));
    int hash = 0x811c9dc5;
    for (byte b : json.getBytes(StandardCharsets.UTF_8)) {
      hash ^= (b & 0xff);
      hash *= 0x01000193;
    }
    if (collisionCount != null) {
      for (int i = 0; i < 4; i++) {
        hash ^= (collisionCount >>> (8 * i)) & 0xff;
        hash *= 0x01000193;
      }
    }
    String digits = Long.toString(Integer.toUnsignedLong(hash));
    StringBuilder encoded = new StringBuilder(digits.length());
    for (char c : digits.toCharArray()) {
      encoded.append(ALPHANUMS.charAt(c % ALPHANUMS.length()));
    }
    return encoded.toString();
  }

  /** Whether two templates are equal once the hash label is dropped from both. */
  static boolean equalIgnoreHash(PodTemplateSpec a, PodTemplateSpec b) {
    return canonical(a).equals(canonical(b));
  }

  /** The template as a JSON tree without the hash label (and without an empty label map). */
  static JsonNode canonical(PodTemplateSpec template) {
    PodTemplateSpec copy = withoutHash(template);
    return KubernetesJson.mapper().valueToTree(copy);
  }

  /** A copy of the template without the hash label, as kubectl's undo writes back. */
  static PodTemplateSpec withoutHash(PodTemplateSpec template) {
    PodTemplateSpec copy = KubernetesJson.mapper().convertValue(template, PodTemplateSpec.class);
    if (copy.getMetadata() != null && copy.getMetadata().getLabels() != null) {
      Map<String, String> labels = new HashMap<>(copy.getMetadata().getLabels());
      labels.remove(LABEL);
      copy.getMetadata().setLabels(labels.isEmpty() ? null : labels);
    }
    return copy;
  }
}
