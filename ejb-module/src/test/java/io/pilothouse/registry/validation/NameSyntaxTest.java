package io.pilothouse.registry.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds the hand-written checks of {@link NameSyntax} to the regular expressions they replace:
 * every string up to four characters over an alphabet of the interesting characters, and random
 * longer ones, must get the same answer from both.
 */
class NameSyntaxTest {

  private static final String ALPHABET = "az09Z-._/ ";

  static Stream<Arguments> checks() {
    return Stream.of(
        Arguments.of(Names.DNS1123_LABEL_FMT, (Predicate<String>) NameSyntax::dns1123Label),
        Arguments.of(Names.DNS1123_SUBDOMAIN_FMT, (Predicate<String>) NameSyntax::dns1123Subdomain),
        Arguments.of(Names.DNS1035_LABEL_FMT, (Predicate<String>) NameSyntax::dns1035Label),
        Arguments.of(Names.QUALIFIED_NAME_FMT, (Predicate<String>) NameSyntax::qualifiedName),
        Arguments.of(Names.LABEL_VALUE_FMT, (Predicate<String>) NameSyntax::labelValue));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checks")
  void answersAsItsFormat(String format, Predicate<String> check) {
    Pattern pattern = Pattern.compile(format);
    for (String s : samples()) {
      assertThat(check.test(s))
          .as("%s on \"%s\"", format, s)
          .isEqualTo(pattern.matcher(s).matches());
    }
  }

  @Test
  void examplesAnswerAsUpstream() {
    assertThat(NameSyntax.dns1123Subdomain("web-1.example.com")).isTrue();
    assertThat(NameSyntax.dns1123Subdomain("web..1")).isFalse();
    assertThat(NameSyntax.dns1123Subdomain("Web")).isFalse();
    assertThat(NameSyntax.dns1123Label("a.b")).isFalse();
    assertThat(NameSyntax.dns1035Label("1abc")).isFalse();
    assertThat(NameSyntax.qualifiedName("app.kubernetes.io_name-1")).isTrue();
    assertThat(NameSyntax.qualifiedName("-x")).isFalse();
    assertThat(NameSyntax.labelValue("")).isTrue();
  }

  private static List<String> samples() {
    List<String> all = new ArrayList<>();
    all.add("");
    List<String> previous = List.of("");
    for (int length = 1; length <= 4; length++) {
      List<String> next = new ArrayList<>();
      for (String prefix : previous) {
        for (char c : ALPHABET.toCharArray()) {
          next.add(prefix + c);
        }
      }
      all.addAll(next);
      previous = next;
    }
    Random random = new Random(1123);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int n = 5 + random.nextInt(20); n > 0; n--) {
        s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      all.add(s.toString());
    }
    return all;
  }
}
