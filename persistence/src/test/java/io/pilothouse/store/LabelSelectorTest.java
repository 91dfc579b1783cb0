package io.pilothouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilothouse.store.LabelRequirement.Operator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The label selector parser and in-memory matching, against upstream's behaviour and wording. */
class LabelSelectorTest {

  private static final Map<String, String> WEB = Map.of("app", "web", "tier", "frontend");

  @Test
  void parsesEveryOperator() {
    LabelSelector s =
        LabelSelector.parse(
            "app=web, env==prod,tier!=db, zone in (a,b), region notin (x), canary, !legacy,"
                + " gen>3, weight<10, example.com/role=lb");

    assertThat(s.requirements())
        .extracting(LabelRequirement::key, LabelRequirement::operator)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("app", Operator.EQUALS),
            org.assertj.core.groups.Tuple.tuple("canary", Operator.EXISTS),
            org.assertj.core.groups.Tuple.tuple("env", Operator.DOUBLE_EQUALS),
            org.assertj.core.groups.Tuple.tuple("example.com/role", Operator.EQUALS),
            org.assertj.core.groups.Tuple.tuple("gen", Operator.GREATER_THAN),
            org.assertj.core.groups.Tuple.tuple("legacy", Operator.DOES_NOT_EXIST),
            org.assertj.core.groups.Tuple.tuple("region", Operator.NOT_IN),
            org.assertj.core.groups.Tuple.tuple("tier", Operator.NOT_EQUALS),
            org.assertj.core.groups.Tuple.tuple("weight", Operator.LESS_THAN),
            org.assertj.core.groups.Tuple.tuple("zone", Operator.IN));
    assertThat(s.toString())
        .isEqualTo(
            "app=web,canary,env==prod,example.com/role=lb,gen>3,!legacy,region notin (x),"
                + "tier!=db,weight<10,zone in (a,b)");
  }

  @Test
  void emptyAndBlankSelectEverything() {
    assertThat(LabelSelector.parse("").isEmpty()).isTrue();
    assertThat(LabelSelector.parse(null).matches(Map.of())).isTrue();
    assertThat(LabelSelector.parse("  ").matches(WEB)).isTrue();
  }

  @Test
  void keywordsAreValuesInsideParentheses() {
    LabelSelector s = LabelSelector.parse("x in (in,notin),y=,z in (,a)");

    assertThat(s.requirements().get(0).values()).containsExactly("in", "notin");
    assertThat(s.requirements().get(1).values()).containsExactly("");
    assertThat(s.requirements().get(2).values()).containsExactly("", "a");
  }

  @ParameterizedTest(name = "\"{0}\" on app=web,tier=frontend is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "app=web            | true",
        "app!=web           | false",
        "app!=db            | true",
        "missing!=x         | true",
        "missing notin (x)  | true",
        "missing in (x)     | false",
        "missing=x          | false",
        "app in (db,web)    | true",
        "tier notin (frontend,backend) | false",
        "app                | true",
        "!app               | false",
        "!missing           | true",
        "app=web,tier=back  | false",
      })
  void matchesLikeUpstream(String selector, boolean expected) {
    assertThat(LabelSelector.parse(selector).matches(WEB)).isEqualTo(expected);
  }

  @Test
  void greaterAndLessCompareIntegersOnly() {
    LabelSelector gt = LabelSelector.parse("n>5");

    assertThat(gt.matches(Map.of("n", "6"))).isTrue();
    assertThat(gt.matches(Map.of("n", "5"))).isFalse();
    assertThat(gt.matches(Map.of("n", "six"))).isFalse();
    assertThat(gt.matches(Map.of())).isFalse();
    assertThat(LabelSelector.parse("n<5").matches(Map.of("n", "10"))).isFalse();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "a b             | unable to parse requirement: found 'b', expected: in, notin, =, ==, !=,"
            + " gt, lt",
        "x in (a         | unable to parse requirement: found '', expected: ',' or ')'",
        "x in a          | unable to parse requirement: found 'a' expected: '('",
        "a=b c           | found 'c', expected: ',' or 'end of string'",
        "a=b,            | found '', expected: identifier after ','",
        ",a              | found ',', expected: !, identifier, or 'end of string'",
        "a=b=c           | found '=', expected: ',' or 'end of string'",
        "!               | unable to parse requirement: found '', expected: identifier",
        "a>b             | unable to parse requirement: values[0]: Invalid value: \"b\": for 'Gt',"
            + " 'Lt' operators, the value must be an integer",
      })
  void malformedSelectorsFailWithUpstreamMessages(String selector, String message) {
    assertThatThrownBy(() -> LabelSelector.parse(selector))
        .isInstanceOf(InvalidSelectorException.class)
        .hasMessage(message);
  }

  @Test
  void invalidKeysAndValuesAreRejected() {
    assertThatThrownBy(() -> LabelSelector.parse("-a=b"))
        .isInstanceOf(InvalidSelectorException.class)
        .hasMessageStartingWith(
            "unable to parse requirement: <nil>: Invalid value: \"-a\": name part must consist of"
                + " alphanumeric characters");
    assertThatThrownBy(() -> LabelSelector.parse("Example.com/a=b"))
        .hasMessageContaining("prefix part a lowercase RFC 1123 subdomain");
    assertThatThrownBy(() -> LabelSelector.parse("a/b/c"))
        .hasMessageContaining("a qualified name must consist of");
    assertThatThrownBy(() -> LabelSelector.parse("k" + "x".repeat(63)))
        .hasMessageContaining("name part must be no more than 63 characters");
    assertThatThrownBy(() -> LabelSelector.parse("a=" + "v".repeat(64)))
        .hasMessageContaining("values[0][a]: Invalid value")
        .hasMessageContaining("must be no more than 63 characters");
    assertThatThrownBy(() -> LabelSelector.parse("a=b_"))
        .hasMessageContaining("a valid label must be an empty string or consist of");
  }

  @Test
  void requirementsBuiltInCodeAreValidated() {
    assertThatThrownBy(() -> LabelRequirement.of("a", Operator.IN, List.of()))
        .isInstanceOf(InvalidSelectorException.class)
        .hasMessageContaining("values set can't be empty");
    assertThat(LabelSelector.ofLabels(Map.of("app", "web")).matches(WEB)).isTrue();
    assertThat(LabelSelector.ofLabels(Map.of("app", "db")).matches(WEB)).isFalse();
  }
}
