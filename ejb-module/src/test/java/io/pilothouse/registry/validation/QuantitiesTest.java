package io.pilothouse.registry.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code resource.Quantity} parsing, values and canonical forms as upstream computes them. */
class QuantitiesTest {

  @ParameterizedTest(name = "{0} -> {1} milli, {2}")
  @CsvSource({
    "100m, 100, 1",
    "0.5, 500, 1",
    "1, 1000, 1",
    "1Ki, 1024000, 1024",
    "128Mi, 134217728000, 134217728",
    "1G, 1000000000000, 1000000000",
    "2e3, 2000000, 2000",
    "1.5E-3, 2, 1",
    "10n, 1, 1",
    "-1, -1000, -1",
    "+7, 7000, 7",
    "1., 1000, 1",
  })
  void valuesRoundUp(String quantity, long milli, long value) {
    assertThat(Quantities.milliValue(quantity)).isEqualTo(milli);
    assertThat(Quantities.value(quantity)).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0} at scale {1} -> {2}")
  @CsvSource({
    "0.5, 3, 500m",
    "1000, 3, 1k",
    "1500, 3, 1500",
    "1.5, 3, 1500m",
    "0.0001, 3, 1m",
    "0.0001, 9, 100u",
    "1024Mi, 3, 1Gi",
    "1536Mi, 3, 1536Mi",
    "100Mi, 3, 100Mi",
    "512, 3, 512",
    "0.5Gi, 3, 512Mi",
    "1e3, 3, 1e3",
    "129e6, 3, 129e6",
    "128974848, 3, 128974848",
    "0, 3, 0",
    "0Mi, 3, 0",
    "2000000, 3, 2M",
  })
  void canonicalForms(String quantity, int scale, String canonical) {
    assertThat(Quantities.canonical(quantity, scale)).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({"abc", "1.2.3", "''", "1 Gi", "1Gix"})
  void rejectsMalformed(String quantity) {
    assertThat(Quantities.isValid(quantity)).isFalse();
    assertThatThrownBy(() -> Quantities.parse(quantity))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "abc|" + Quantities.FORMAT_ERROR,
        "1Gix|" + Quantities.FORMAT_ERROR,
        "1Gi5|" + Quantities.SUFFIX_ERROR,
        "1e|" + Quantities.SUFFIX_ERROR,
        "5Q|" + Quantities.FORMAT_ERROR,
      })
  void explainsLikeUpstream(String quantity, String message) {
    assertThat(Quantities.error(quantity)).isEqualTo(message);
  }

  @ParameterizedTest(name = "{0} vs {1}")
  @CsvSource({"1, 1000m, 0", "500m, 1, -1", "1Gi, 1G, 1", "100Mi, 104857600, 0"})
  void compares(String a, String b, int sign) {
    assertThat(Integer.signum(Quantities.compare(a, b))).isEqualTo(sign);
  }
}
