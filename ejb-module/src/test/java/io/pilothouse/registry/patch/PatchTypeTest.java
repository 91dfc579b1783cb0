package io.pilothouse.registry.patch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PatchTypeTest {

  static Stream<Arguments> contentTypes() {
    return Stream.of(
        Arguments.of("application/json-patch+json", PatchType.JSON_PATCH),
        Arguments.of("application/merge-patch+json", PatchType.MERGE_PATCH),
        Arguments.of("application/strategic-merge-patch+json", PatchType.STRATEGIC_MERGE_PATCH),
        Arguments.of(
            "application/strategic-merge-patch+json; charset=utf-8",
            PatchType.STRATEGIC_MERGE_PATCH),
        Arguments.of(" Application/Merge-Patch+JSON ;charset=UTF-8", PatchType.MERGE_PATCH),
        Arguments.of("application/apply-patch+yaml", null),
        Arguments.of("application/json", null),
        Arguments.of("", null),
        Arguments.of(null, null));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("contentTypes")
  void recognisesPatchContentTypes(String contentType, PatchType expected) {
    assertThat(PatchType.fromContentType(contentType)).isEqualTo(Optional.ofNullable(expected));
  }
}
