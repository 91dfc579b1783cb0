package io.pilothouse.registry.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.json.KubernetesJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Label selectors: upstream's validation messages and matching rules. */
class LabelSelectorsTest {

  static JsonNode json(String text) {
    return KubernetesJson.mapper().readTree(text);
  }

  @ParameterizedTest(name = "{0} matches={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"matchLabels\":{\"app\":\"web\"}}|true",
        "{\"matchLabels\":{\"app\":\"db\"}}|false",
        "{}|true",
        "{\"matchExpressions\":[{\"key\":\"tier\",\"operator\":\"In\",\"values\":[\"front\",\"back\"]}]}|true",
        "{\"matchExpressions\":[{\"key\":\"tier\",\"operator\":\"NotIn\",\"values\":[\"front\"]}]}|false",
        "{\"matchExpressions\":[{\"key\":\"zone\",\"operator\":\"NotIn\",\"values\":[\"a\"]}]}|true",
        "{\"matchExpressions\":[{\"key\":\"app\",\"operator\":\"Exists\"}]}|true",
        "{\"matchExpressions\":[{\"key\":\"app\",\"operator\":\"DoesNotExist\"}]}|false",
      })
  void matches(String selector, boolean expected) {
    assertThat(LabelSelectors.matches(json(selector), Map.of("app", "web", "tier", "front")))
        .isEqualTo(expected);
  }

  @Test
  void aMissingSelectorMatchesNothing() {
    assertThat(LabelSelectors.matches(null, Map.of())).isFalse();
  }

  @Test
  void validatesRequirements() {
    JsonNode selector =
        json(
            "{\"matchExpressions\":[{\"key\":\"a\",\"operator\":\"In\"},"
                + "{\"key\":\"b\",\"operator\":\"Exists\",\"values\":[\"x\"]},"
                + "{\"key\":\"c\",\"operator\":\"Near\"}]}");
    List<String> errors =
        LabelSelectors.validate(selector, "spec.selector").stream()
            .map(FieldError::describe)
            .toList();
    assertThat(errors)
        .containsExactly(
            "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or"
                + " 'NotIn'",
            "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists'"
                + " or 'DoesNotExist'",
            "spec.selector.matchExpressions[2].operator: Invalid value: \"Near\": not a valid selector operator");
  }
}
