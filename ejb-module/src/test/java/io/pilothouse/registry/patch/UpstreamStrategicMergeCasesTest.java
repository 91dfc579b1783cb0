package io.pilothouse.registry.patch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Runs the strategic merge patch cases of apimachinery's own test suite ({@code
 * upstream-strategic-merge-cases.yaml}, converted from {@code patch_test.go}) against this engine:
 * same patch, same object, same result, list order included.
 */
class UpstreamStrategicMergeCasesTest {

  /** Next to this class; Surefire runs in the module directory, an IDE may run in the root. */
  private static final String CASES =
      "src/test/java/io/pilothouse/registry/patch/upstream-strategic-merge-cases.yaml";

  /** The upstream test type {@code mergeItem}, whose fields nest recursively. */
  private static final PatchSchema MERGE_ITEM =
      PatchSchema.empty()
          .with("mergingList", FieldStrategy.mergeByKey("name"))
          .with("mergeItemPtr", FieldStrategy.mergeByKey("name"))
          .with("retainKeysMergingList", FieldStrategy.mergeByKey("name").withRetainKeys())
          .with("mergingIntList", FieldStrategy.mergePrimitives())
          .with("retainKeysMap", FieldStrategy.retainKeysOnly())
          .with("replacingItem", FieldStrategy.replaceWhole());

  static Stream<Arguments> cases() throws Exception {
    Path cases = Path.of(CASES);
    if (!Files.exists(cases)) {
      cases = Path.of("ejb-module").resolve(CASES);
    }
    JsonNode root = new YAMLMapper().readTree(Files.readString(cases));
    return root.get("cases").values().stream()
        .map(c -> Arguments.of(c.get("description").stringValue(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void behavesAsUpstream(String description, JsonNode c) {
    ObjectNode original = (ObjectNode) c.get("original");
    String patch = c.get("patch").toString();
    if (c.has("error")) {
      PatchException e =
          PatchFixtures.failure(
              () -> Patcher.apply(PatchType.STRATEGIC_MERGE_PATCH, original, patch, MERGE_ITEM));
      assertThat(e).as("expected: " + c.get("error")).isNotNull();
      assertThat(e.kind()).isEqualTo(PatchException.Kind.MALFORMED);
    } else {
      assertThat(Patcher.apply(PatchType.STRATEGIC_MERGE_PATCH, original, patch, MERGE_ITEM))
          .isEqualTo(c.get("result"));
    }
  }
}
