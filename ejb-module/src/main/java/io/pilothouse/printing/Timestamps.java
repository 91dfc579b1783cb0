package io.pilothouse.printing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.JsonNode;

/**
 * Turns timestamps into the strings tables show: upstream's {@code translateTimestampSince} for
 * ages and Go's RFC 3339 layout for the default table's "Created At" column.
 */
final class Timestamps {

  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** The human duration from {@code timestamp} to {@code now}; {@code <unknown>} for none. */
  static String since(Instant timestamp, Instant now) {
    return timestamp == null ? "<unknown>" : HumanDuration.format(Duration.between(timestamp, now));
  }

  /** The AGE cell: time since {@code metadata.creationTimestamp}. */
  static String age(JsonNode object, Instant now) {
    return since(Fields.time(object, "metadata", "creationTimestamp"), now);
  }

  /** {@code creationTimestamp} in UTC to the second, Go's zero time when absent. */
  static String createdAt(JsonNode object) {
    Instant created = Fields.time(object, "metadata", "creationTimestamp");
    return created == null
        ? "0001-01-01T00:00:00Z"
        : RFC3339.format(created.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The later of two times, a null time counting as the earliest. */
  static Instant later(Instant current, Instant candidate) {
    if (candidate == null) {
      return current;
    }
    return current == null || candidate.isAfter(current) ? candidate : current;
  }
}
