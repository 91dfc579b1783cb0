package io.pilothouse.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HumanDurationTest {

  private static final Duration MS = Duration.ofMillis(1);

  static Stream<Arguments> durations() {
    return Stream.of(
        Arguments.of(Duration.ofSeconds(-2), "<invalid>"),
        Arguments.of(Duration.ofSeconds(-2).plusNanos(1), "0s"),
        Arguments.of(Duration.ofMillis(-500), "0s"),
        Arguments.of(Duration.ZERO, "0s"),
        Arguments.of(Duration.ofSeconds(1).minus(MS), "0s"),
        Arguments.of(Duration.ofSeconds(5), "5s"),
        Arguments.of(Duration.ofSeconds(70), "70s"),
        Arguments.of(Duration.ofMinutes(2).minus(MS), "119s"),
        Arguments.of(Duration.ofMinutes(2), "2m"),
        Arguments.of(Duration.ofSeconds(121), "2m1s"),
        Arguments.of(Duration.ofSeconds(200), "3m20s"),
        Arguments.of(Duration.ofMinutes(10).minus(MS), "9m59s"),
        Arguments.of(Duration.ofMinutes(10), "10m"),
        Arguments.of(Duration.ofSeconds(601), "10m"),
        Arguments.of(Duration.ofMinutes(70), "70m"),
        Arguments.of(Duration.ofHours(3).minus(MS), "179m"),
        Arguments.of(Duration.ofHours(3), "3h"),
        Arguments.of(Duration.ofMinutes(245), "4h5m"),
        Arguments.of(Duration.ofHours(8).minus(MS), "7h59m"),
        Arguments.of(Duration.ofMinutes(8 * 60 + 59), "8h"),
        Arguments.of(Duration.ofHours(47), "47h"),
        Arguments.of(Duration.ofHours(48), "2d"),
        Arguments.of(Duration.ofHours(49), "2d1h"),
        Arguments.of(Duration.ofHours(3 * 24 + 4), "3d4h"),
        Arguments.of(Duration.ofDays(8).minus(MS), "7d23h"),
        Arguments.of(Duration.ofHours(8 * 24 + 23), "8d"),
        Arguments.of(Duration.ofDays(367), "367d"),
        Arguments.of(Duration.ofDays(730).minus(MS), "729d"),
        Arguments.of(Duration.ofDays(730), "2y"),
        Arguments.of(Duration.ofDays(731).minus(MS), "2y"),
        Arguments.of(Duration.ofHours(730 * 24 + 25), "2y1d"),
        Arguments.of(Duration.ofDays(830), "2y100d"),
        Arguments.of(Duration.ofDays(8 * 365).minus(MS), "7y364d"),
        Arguments.of(Duration.ofDays(8 * 365), "8y"),
        Arguments.of(Duration.ofDays(8 * 365 + 364), "8y"),
        Arguments.of(Duration.ofDays(9 * 365), "9y"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("durations")
  void formatsLikeApimachinery(Duration duration, String expected) {
    assertThat(HumanDuration.format(duration)).isEqualTo(expected);
  }
}
