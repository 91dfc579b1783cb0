package io.pilothouse.protobuf;

import io.pilothouse.json.KubernetesJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The Kubernetes messages whose JSON form is not an object of their fields, decoded as upstream's
 * Go types marshal them: {@code Time} (RFC 3339, whole seconds, UTC), {@code MicroTime} (RFC 3339
 * with six fraction digits), {@code Quantity} (its string), {@code IntOrString} (a number or a
 * string) and {@code FieldsV1} (its raw bytes, which are JSON). A {@code null} result means the
 * value marshals to JSON {@code null} and is left out.
 */
final class WellKnownTypes {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Seconds of Go's zero {@code time.Time} (0001-01-01T00:00:00Z), marshalled as null. */
  private static final long GO_ZERO_TIME_SECONDS = -62135596800L;

  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter RFC3339_MICRO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private WellKnownTypes() {}

  /** Decodes the payload of a message of one of these types, or null for JSON null. */
  static JsonNode decode(String type, WireReader in) {
    return switch (type) {
      case "meta.v1.Time" -> time(in, false);
      case "meta.v1.MicroTime" -> time(in, true);
      case "resource.Quantity" -> quantity(in);
      case "intstr.IntOrString" -> intOrString(in);
      case "meta.v1.FieldsV1" -> fieldsV1(in);
      default -> throw new IllegalStateException("no JSON form for protobuf message " + type);
    };
  }

  /**
   * Whether a value of this type is the "unset" value of a non-pointer field, left out with {@code
   * omitempty}: an {@code IntOrString} of 0 or "" (as {@code Service.spec.ports[].targetPort} that
   * apimachinery defaults when zero).
   */
  static boolean isUnset(String type, JsonNode value) {
    if (!type.equals("intstr.IntOrString")) {
      return false;
    }
    return value.isNumber() ? value.asLong() == 0 : value.asString().isEmpty();
  }

  private static JsonNode time(WireReader in, boolean micro) {
    if (in.atEnd()) {
      return null; // apimachinery writes a zero time as an empty message
    }
    long seconds = 0;
    long nanos = 0;
    while (!in.atEnd()) {
      int tag = in.readTag();
      switch (tag) {
        case 1 << 3 | WireReader.VARINT -> seconds = in.readVarint();
        case 2 << 3 | WireReader.VARINT -> nanos = (int) in.readVarint();
        default -> skipOrMismatch(in, tag, "Timestamp");
      }
    }
    if (micro) {
      Instant instant = Instant.ofEpochSecond(seconds, nanos).truncatedTo(ChronoUnit.MICROS);
      return instant.getEpochSecond() == GO_ZERO_TIME_SECONDS && instant.getNano() == 0
          ? null
          : NODES.stringNode(RFC3339_MICRO.format(instant));
    }
    // metav1.Time keeps whole seconds only (its Unmarshal drops nanos, as its JSON does)
    return seconds == GO_ZERO_TIME_SECONDS
        ? null
        : NODES.stringNode(RFC3339.format(Instant.ofEpochSecond(seconds)));
  }

  private static JsonNode quantity(WireReader in) {
    String value = "0";
    while (!in.atEnd()) {
      int tag = in.readTag();
      if (tag == (1 << 3 | WireReader.LENGTH_DELIMITED)) {
        value = in.readString();
      } else {
        skipOrMismatch(in, tag, "Quantity");
      }
    }
    return NODES.stringNode(value);
  }

  private static JsonNode intOrString(WireReader in) {
    long type = 0;
    int intVal = 0;
    String strVal = "";
    while (!in.atEnd()) {
      int tag = in.readTag();
      switch (tag) {
        case 1 << 3 | WireReader.VARINT -> type = in.readVarint();
        case 2 << 3 | WireReader.VARINT -> intVal = (int) in.readVarint();
        case 3 << 3 | WireReader.LENGTH_DELIMITED -> strVal = in.readString();
        default -> skipOrMismatch(in, tag, "IntOrString");
      }
    }
    if (type == 0) {
      return NODES.numberNode(intVal);
    }
    if (type == 1) {
      return NODES.stringNode(strVal);
    }
    throw new ProtobufDecodeException("invalid IntOrString type " + type);
  }

  private static JsonNode fieldsV1(WireReader in) {
    byte[] raw = null;
    while (!in.atEnd()) {
      int tag = in.readTag();
      if (tag == (1 << 3 | WireReader.LENGTH_DELIMITED)) {
        raw = in.readBytes();
      } else {
        skipOrMismatch(in, tag, "FieldsV1");
      }
    }
    if (raw == null || raw.length == 0) {
      return null;
    }
    try {
      return KubernetesJson.mapper().readTree(raw);
    } catch (JacksonException e) {
      throw new ProtobufDecodeException("managedFields fieldsV1 is not valid JSON");
    }
  }

  /** Skips an unknown field; a known field number with another wire type is an error. */
  private static void skipOrMismatch(WireReader in, int tag, String message) {
    int number = tag >>> 3;
    boolean known =
        switch (message) {
          case "Timestamp" -> number == 1 || number == 2;
          case "IntOrString" -> number <= 3;
          default -> number == 1;
        };
    if (known) {
      throw new ProtobufDecodeException(
          "wire type " + (tag & 7) + " does not match field " + number + " of " + message);
    }
    in.skip(tag & 7);
  }
}
