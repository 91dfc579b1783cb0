package io.pilothouse.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.json.KubernetesJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scale subresource's reading of a Scale (a missing {@code spec.replicas} is Go's omitted zero)
 * and the write path's test for an unchanged object (numbers compare by value).
 */
class ScalesAndSameJsonTest {

  private static ObjectNode json(String text) {
    return (ObjectNode) KubernetesJson.mapper().readTree(text);
  }

  @Test
  void scaleWithoutReplicasAsksForZero() {
    ObjectNode deployment = json("{\"metadata\":{\"name\":\"web\"},\"spec\":{\"replicas\":4}}");
    ObjectNode scale =
        json("{\"metadata\":{\"name\":\"web\",\"resourceVersion\":\"9\"},\"spec\":{}}");
    ObjectNode updated = Scales.apply(deployment, scale);
    assertThat(updated.path("spec").path("replicas").asInt()).isZero();
    assertThat(updated.path("metadata").path("resourceVersion").asString()).isEqualTo("9");
    assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(4);
  }

  @Test
  void scaleWithReplicasSetsThem() {
    ObjectNode deployment = json("{\"metadata\":{\"name\":\"web\"},\"spec\":{\"replicas\":4}}");
    ObjectNode scale = json("{\"spec\":{\"replicas\":2}}");
    assertThat(Scales.apply(deployment, scale).path("spec").path("replicas").asInt()).isEqualTo(2);
  }

  @Test
  void sameJsonComparesNumbersByValueWhateverTheirNodeType() {
    ObjectNode stored = json("{\"metadata\":{\"generation\":3},\"spec\":{\"replicas\":2}}");
    ObjectNode rebuilt = stored.deepCopy();
    ((ObjectNode) rebuilt.get("metadata")).put("generation", 3L);
    assertThat(rebuilt).isNotEqualTo(stored);
    assertThat(ObjectNodes.sameJson(rebuilt, stored)).isTrue();
    ((ObjectNode) rebuilt.get("spec")).put("replicas", 3);
    assertThat(ObjectNodes.sameJson(rebuilt, stored)).isFalse();
    assertThat(ObjectNodes.sameJson(json("{\"a\":\"1\"}"), json("{\"a\":1}"))).isFalse();
  }
}
