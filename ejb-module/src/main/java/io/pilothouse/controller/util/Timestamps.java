package io.pilothouse.controller.util;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** RFC 3339 timestamps at whole seconds, as {@code metav1.Time} serializes them. */
public final class Timestamps {

  private Timestamps() {}

  public static String format(Instant at) {
    return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
  }

  public static Instant parse(String timestamp) {
    return timestamp == null ? null : Instant.parse(timestamp);
  }
}
