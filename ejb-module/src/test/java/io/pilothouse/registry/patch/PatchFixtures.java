package io.pilothouse.registry.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pilothouse.json.KubernetesJson;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Test documents written as YAML (readable in a table) and handed to the patcher as JSON. */
final class PatchFixtures {

  private static final YAMLMapper YAML = new YAMLMapper();

  private PatchFixtures() {}

  static ObjectNode yaml(String yaml) {
    return (ObjectNode) YAML.readTree(yaml);
  }

  /** The JSON text of a YAML document (a patch body). */
  static String json(String yaml) {
    JsonNode node = YAML.readTree(yaml);
    return node.toString();
  }

  static ObjectNode smp(PatchSchema schema, String current, String patch) {
    return Patcher.apply(PatchType.STRATEGIC_MERGE_PATCH, yaml(current), json(patch), schema);
  }

  static PatchException failure(Executable call) {
    return catchThrowableOfType(PatchException.class, call::execute);
  }

  static void assertFails(PatchException.Kind kind, Executable call) {
    PatchException e = failure(call);
    assertThat(e).as("expected a PatchException").isNotNull();
    assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
    assertThat(e.code()).isEqualTo(kind.code());
  }

  static String compact(JsonNode node) {
    return KubernetesJson.mapper().writeValueAsString(node);
  }
}
