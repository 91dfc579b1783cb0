package io.pilothouse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.json.KubernetesJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class YamlTest {

  @Test
  void managedFieldsAreLeftOutAsKubectlLeavesThemOutAndTheObjectIsUntouched() {
    JsonNode object =
        KubernetesJson.mapper()
            .readTree(
                "{\"metadata\":{\"name\":\"c\",\"managedFields\":[{\"manager\":\"kubectl\"}]},"
                    + "\"data\":{\"k\":\"v\"}}");

    assertThat(Yaml.write(object)).isEqualTo("metadata:\n  name: c\ndata:\n  k: v\n");
    assertThat(object.at("/metadata/managedFields/0/manager").asString()).isEqualTo("kubectl");
  }

  @Test
  void readGivesBackWhatWriteWrote() {
    JsonNode object =
        KubernetesJson.mapper().readTree("{\"metadata\":{\"name\":\"c\"},\"data\":{\"k\":\"v\"}}");
    assertThat(Yaml.read(Yaml.write(object))).isEqualTo(object);
  }
}
