package io.pilothouse.printing;

import java.time.Duration;

/**
 * Formats a duration the way kubectl shows ages and job durations: two or three significant figures
 * ({@code 45s}, {@code 3m20s}, {@code 10m}, {@code 4h5m}, {@code 3d4h}, {@code 2y100d}), exactly as
 * apimachinery's {@code duration.HumanDuration}.
 */
public final class HumanDuration {

  private static final long HOURS_PER_DAY = 24;
  private static final long DAYS_PER_YEAR = 365;

  private HumanDuration() {}

  /**
   * The short human form of {@code duration}. Up to a second in the past counts as {@code 0s} to
   * tolerate clock skew between machines; anything earlier is {@code <invalid>}.
   */
  public static String format(Duration duration) {
    long seconds = truncatedSeconds(duration);
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 60 * 2) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      return pair(minutes, "m", seconds % 60, "s");
    } else if (minutes < 60 * 3) {
      return minutes + "m";
    }
    return hoursAndMore(seconds / 3600, minutes % 60);
  }

  private static String hoursAndMore(long hours, long minutesOfHour) {
    long days = hours / HOURS_PER_DAY;
    if (hours < 8) {
      return pair(hours, "h", minutesOfHour, "m");
    } else if (hours < 48) {
      return hours + "h";
    } else if (hours < HOURS_PER_DAY * 8) {
      return pair(days, "d", hours % HOURS_PER_DAY, "h");
    } else if (hours < HOURS_PER_DAY * DAYS_PER_YEAR * 2) {
      return days + "d";
    } else if (hours < HOURS_PER_DAY * DAYS_PER_YEAR * 8) {
      return pair(days / DAYS_PER_YEAR, "y", days % DAYS_PER_YEAR, "d");
    }
    return days / DAYS_PER_YEAR + "y";
  }

  private static String pair(long major, String majorUnit, long minor, String minorUnit) {
    return minor == 0 ? major + majorUnit : major + majorUnit + minor + minorUnit;
  }

  /** Whole seconds rounded toward zero, as Go's {@code int(d.Seconds())}. */
  private static long truncatedSeconds(Duration duration) {
    long seconds = duration.getSeconds();
    return seconds < 0 && duration.getNano() > 0 ? seconds + 1 : seconds;
  }
}
