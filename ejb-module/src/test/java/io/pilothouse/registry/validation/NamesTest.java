package io.pilothouse.registry.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Upstream's string format checks, with their exact messages. */
class NamesTest {

  static final String SUBDOMAIN =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex"
          + " used for validation is"
          + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  static final String LABEL =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc',"
          + " regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  static final String DNS1035 =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
          + " alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or"
          + " 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
  static final String QUALIFIED =
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end"
          + " with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex"
          + " used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  static final String LABEL_VALUE =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or"
          + " 'my_value',  or '12345', regex used for validation is"
          + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

  static Stream<Arguments> cases() {
    Function<String, List<String>> subdomain = Names::dns1123Subdomain;
    Function<String, List<String>> label = Names::dns1123Label;
    Function<String, List<String>> dns1035 = Names::dns1035Label;
    Function<String, List<String>> qualified = Names::qualifiedName;
    Function<String, List<String>> labelValue = Names::labelValue;
    Function<String, List<String>> portName = Names::portName;
    Function<String, List<String>> env = Names::envVarName;
    Function<String, List<String>> key = Names::configMapKey;
    return Stream.of(
        Arguments.of("subdomain ok", subdomain, "my.app-1", List.of()),
        Arguments.of("subdomain upper case", subdomain, "My-App", List.of(SUBDOMAIN)),
        Arguments.of(
            "subdomain too long",
            subdomain,
            "a".repeat(254),
            List.of("must be no more than 253 characters")),
        Arguments.of("label ok", label, "web-1", List.of()),
        Arguments.of("label with dots", label, "a.b", List.of("must not contain dots")),
        Arguments.of("label underscore", label, "a_b", List.of(LABEL)),
        Arguments.of(
            "label too long", label, "a".repeat(64), List.of("must be no more than 63 characters")),
        Arguments.of("1035 ok", dns1035, "my-svc", List.of()),
        Arguments.of("1035 digit first", dns1035, "1svc", List.of(DNS1035)),
        Arguments.of("qualified ok", qualified, "app.kubernetes.io/name", List.of()),
        Arguments.of("qualified bad name", qualified, "-x", List.of(QUALIFIED)),
        Arguments.of(
            "qualified empty prefix", qualified, "/x", List.of("prefix part must be non-empty")),
        Arguments.of(
            "qualified bad prefix",
            qualified,
            "Example.com/x",
            List.of("prefix part " + SUBDOMAIN)),
        Arguments.of(
            "qualified empty name",
            qualified,
            "x/",
            List.of("name part must be non-empty", QUALIFIED)),
        Arguments.of("label value ok", labelValue, "", List.of()),
        Arguments.of("label value bad", labelValue, "a b", List.of(LABEL_VALUE)),
        Arguments.of("port name ok", portName, "http-alt", List.of()),
        Arguments.of(
            "port name too long",
            portName,
            "abcdefghijklmnop",
            List.of("must be no more than 15 characters")),
        Arguments.of(
            "port name no letter",
            portName,
            "8080",
            List.of("must contain at least one letter (a-z)")),
        Arguments.of(
            "port name hyphens",
            portName,
            "-a--b",
            List.of("must not contain consecutive hyphens", "must not begin or end with a hyphen")),
        Arguments.of("env relaxed ok", env, "my.var-1 x", List.of()),
        Arguments.of(
            "env with equals",
            env,
            "A=B",
            List.of(
                "a valid environment variable name must consist only of printable ASCII characters other than '='")),
        Arguments.of("key ok", key, "game.properties", List.of()),
        Arguments.of(
            "key slash",
            key,
            "a/b",
            List.of(
                "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g."
                    + " 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is"
                    + " '[-._a-zA-Z0-9]+')")),
        Arguments.of("key dotdot", key, "..a", List.of("must not start with '..'")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void checksFormats(
      String name, Function<String, List<String>> check, String value, List<String> expected) {
    assertThat(check.apply(value)).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("rules")
  void nameRulesAllowTrailingDashInPrefixes(NameRule rule, String prefix) {
    assertThat(rule.validate(prefix, true)).isEmpty();
    assertThat(rule.validate(prefix, false)).isNotEmpty();
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of(NameRule.DNS1123_SUBDOMAIN, "web-"),
        Arguments.of(NameRule.DNS1123_LABEL, "team-"),
        Arguments.of(NameRule.DNS1035_LABEL, "svc-"));
  }

  @ParameterizedTest(name = "port {0}")
  @MethodSource("ports")
  void portNumbers(long port, boolean valid) {
    assertThat(Names.portNumber(port))
        .isEqualTo(valid ? List.of() : List.of("must be between 1 and 65535, inclusive"));
  }

  static Stream<Arguments> ports() {
    return Stream.of(
        Arguments.of(0L, false),
        Arguments.of(1L, true),
        Arguments.of(65535L, true),
        Arguments.of(65536L, false));
  }
}
