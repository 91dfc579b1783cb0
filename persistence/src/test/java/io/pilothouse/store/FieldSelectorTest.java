package io.pilothouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The field selector parser and in-memory matching, against upstream's behaviour and wording. */
class FieldSelectorTest {

  private static final ObjectKey POD = ObjectKey.namespaced("", "pods", "default", "web-1");
  private static final Map<String, String> FIELDS =
      Map.of("spec.nodeName", "node-1", "status.phase", "Running");

  @Test
  void parsesOperatorsAndEscapes() {
    FieldSelector s = FieldSelector.parse("spec.nodeName=node-1,status.phase!=Failed,a==x\\,y\\=z");

    assertThat(s.requirements())
        .extracting(FieldRequirement::field, FieldRequirement::operator, FieldRequirement::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "a", FieldRequirement.Operator.DOUBLE_EQUALS, "x,y=z"),
            org.assertj.core.groups.Tuple.tuple(
                "spec.nodeName", FieldRequirement.Operator.EQUALS, "node-1"),
            org.assertj.core.groups.Tuple.tuple(
                "status.phase", FieldRequirement.Operator.NOT_EQUALS, "Failed"));
    assertThat(s.toString()).isEqualTo("a==x\\,y\\=z,spec.nodeName=node-1,status.phase!=Failed");
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "spec.nodeName=node-1                 | true",
        "spec.nodeName!=node-1                | false",
        "spec.nodeName=node-1,status.phase=Running | true",
        "metadata.name=web-1                  | true",
        "metadata.name!=web-1                 | false",
        "metadata.namespace=default           | true",
        "metadata.namespace=kube-system       | false",
        "spec.missing=                        | true",
        "spec.missing!=                       | false",
        "spec.missing!=x                      | true",
        "spec.missing=x                       | false",
        "''                                   | true",
      })
  void matchesLikeUpstream(String selector, boolean expected) {
    assertThat(FieldSelector.parse(selector).matches(POD, FIELDS)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "a        | invalid selector: 'a'; can't understand 'a'",
        "a=b,c    | invalid selector: 'a=b,c'; can't understand 'c'",
        "a=b=c    | invalid field selector: unescaped character in value: 61",
        "a=b\\x   | invalid field selector: invalid escape sequence: \\x",
        "a=b\\    | invalid field selector: invalid escape sequence: \\",
      })
  void malformedSelectorsFailWithUpstreamMessages(String selector, String message) {
    assertThatThrownBy(() -> FieldSelector.parse(selector))
        .isInstanceOf(InvalidSelectorException.class)
        .hasMessage(message);
  }

  @Test
  void plainFieldSetsAnswerMetadataFieldsThemselves() {
    FieldSelector s = FieldSelector.parse("metadata.name=x");

    assertThat(s.matches(Map.of("metadata.name", "x"))).isTrue();
    assertThat(s.matches(Map.of())).isFalse();
  }
}
