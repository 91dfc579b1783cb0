package io.pilothouse.logs;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query of {@code GET pods/{name}/log} as upstream's {@code PodLogOptions}: container, follow,
 * previous, timestamps, sinceSeconds, sinceTime, tailLines, limitBytes, checked as upstream's
 * validation does, and turned into the kubelet's query string.
 */
public record PodLogOptions(
    String container,
    boolean follow,
    boolean previous,
    boolean timestamps,
    Long sinceSeconds,
    String sinceTime,
    Long tailLines,
    Long limitBytes) {

  /** Reads the query parameters (first value of each); malformed values give 400. */
  public static PodLogOptions from(Map<String, List<String>> query) {
    PodLogOptions options =
        new PodLogOptions(
            first(query, "container"),
            flag(query, "follow"),
            flag(query, "previous"),
            flag(query, "timestamps"),
            number(query, "sinceSeconds"),
            first(query, "sinceTime"),
            number(query, "tailLines"),
            number(query, "limitBytes"));
    options.validate();
    return options;
  }

  private void validate() {
    if (tailLines != null && tailLines < 0) {
      throw invalid("tailLines", tailLines, "must be greater than or equal to 0");
    }
    if (limitBytes != null && limitBytes < 1) {
      throw invalid("limitBytes", limitBytes, "must be greater than 0");
    }
    if (sinceSeconds != null && sinceTime != null) {
      throw new StatusException(
          422,
          StatusReasons.INVALID,
          "PodLogOptions \"\" is invalid: at most one of `sinceTime` or `sinceSeconds` may be specified");
    }
    if (sinceSeconds != null && sinceSeconds < 1) {
      throw invalid("sinceSeconds", sinceSeconds, "must be greater than 0");
    }
    if (sinceTime != null) {
      try {
        OffsetDateTime.parse(sinceTime);
      } catch (DateTimeParseException e) {
        throw new StatusException(
            400, StatusReasons.BAD_REQUEST, "sinceTime: not an RFC 3339 time: " + sinceTime);
      }
    }
  }

  /** The kubelet's query parameters for these options (container goes into the path). */
  public Map<String, String> kubeletQuery() {
    Map<String, String> query = new LinkedHashMap<>();
    if (follow) {
      query.put("follow", "true");
    }
    if (previous) {
      query.put("previous", "true");
    }
    if (timestamps) {
      query.put("timestamps", "true");
    }
    put(query, "sinceSeconds", sinceSeconds);
    if (sinceTime != null) {
      query.put("sinceTime", sinceTime);
    }
    put(query, "tailLines", tailLines);
    put(query, "limitBytes", limitBytes);
    return query;
  }

  private static void put(Map<String, String> query, String name, Long value) {
    if (value != null) {
      query.put(name, Long.toString(value));
    }
  }

  private static StatusException invalid(String field, long value, String detail) {
    return new StatusException(
        422,
        StatusReasons.INVALID,
        "PodLogOptions \"\" is invalid: " + field + ": Invalid value: " + value + ": " + detail);
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
  }

  private static boolean flag(Map<String, List<String>> query, String name) {
    String value = first(query, name);
    if (value == null) {
      return false;
    }
    return switch (value) {
      case "true", "1", "True", "TRUE", "t", "T" -> true;
      case "false", "0", "False", "FALSE", "f", "F" -> false;
      default -> throw badValue(name, value);
    };
  }

  private static Long number(Map<String, List<String>> query, String name) {
    String value = first(query, name);
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw badValue(name, value);
    }
  }

  private static StatusException badValue(String name, String value) {
    return new StatusException(
        400, StatusReasons.BAD_REQUEST, "invalid value for " + name + ": \"" + value + "\"");
  }
}
