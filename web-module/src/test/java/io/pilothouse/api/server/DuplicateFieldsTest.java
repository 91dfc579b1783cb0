package io.pilothouse.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Duplicate-field detection with upstream's paths, and the Warning header's quoting. */
class DuplicateFieldsTest {

  @Test
  void findsDuplicatesAtEveryDepthWithTheirPaths() {
    String json =
        "{\"kind\":\"Pod\",\"kind\":\"Pod\",\"spec\":{\"containers\":[{\"name\":\"a\"},"
            + "{\"name\":\"b\",\"image\":\"x\",\"name\":\"c\"}]},\"metadata\":{\"labels\":"
            + "{\"a\":\"1\",\"a\":\"2\"}}}";
    assertThat(DuplicateFields.find(json))
        .containsExactly("kind", "spec.containers[1].name", "metadata.labels.a");
  }

  @Test
  void theSameNameInSiblingObjectsIsNoDuplicate() {
    assertThat(
            DuplicateFields.find("{\"a\":{\"x\":1},\"b\":{\"x\":2},\"c\":[{\"x\":1},{\"x\":2}]}"))
        .isEmpty();
  }

  @Test
  void warningHeaderQuotesTheText() {
    assertThat(WarningHeaders.header("unknown field \"spec.foo\""))
        .isEqualTo("299 - \"unknown field \\\"spec.foo\\\"\"");
  }
}
