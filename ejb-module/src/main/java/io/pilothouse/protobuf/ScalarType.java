package io.pilothouse.protobuf;

import java.math.BigInteger;
import java.util.Base64;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The protobuf scalar types, each with the wire type it is encoded with and its JSON form as Go's
 * {@code encoding/json} writes the Kubernetes field: integers as numbers (int nodes when they fit,
 * like a parsed JSON body), {@code bytes} as standard base64 text (as for {@code Secret.data}).
 */
enum ScalarType {
  DOUBLE(WireReader.FIXED64),
  FLOAT(WireReader.FIXED32),
  INT32(WireReader.VARINT),
  INT64(WireReader.VARINT),
  UINT32(WireReader.VARINT),
  UINT64(WireReader.VARINT),
  SINT32(WireReader.VARINT),
  SINT64(WireReader.VARINT),
  FIXED32(WireReader.FIXED32),
  FIXED64(WireReader.FIXED64),
  SFIXED32(WireReader.FIXED32),
  SFIXED64(WireReader.FIXED64),
  BOOL(WireReader.VARINT),
  STRING(WireReader.LENGTH_DELIMITED),
  BYTES(WireReader.LENGTH_DELIMITED);

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final int wireType;

  ScalarType(int wireType) {
    this.wireType = wireType;
  }

  /** The wire type of one (unpacked) value. */
  int wireType() {
    return wireType;
  }

  /** Whether repeated values of this type may come packed in one length-delimited field. */
  boolean packable() {
    return wireType != WireReader.LENGTH_DELIMITED;
  }

  /** The scalar type named as in a {@code .proto} file ({@code int32}, {@code bytes}), if any. */
  static ScalarType forProtoName(String name) {
    for (ScalarType type : values()) {
      if (type.name().toLowerCase(Locale.ROOT).equals(name)) {
        return type;
      }
    }
    return null;
  }

  /** Reads one value (the reader is positioned after the field key) as its JSON node. */
  JsonNode read(WireReader in) {
    return switch (this) {
      case DOUBLE -> NODES.numberNode(Double.longBitsToDouble(in.readFixed64()));
      case FLOAT -> NODES.numberNode((double) Float.intBitsToFloat(in.readFixed32()));
      case INT32 -> NODES.numberNode((int) in.readVarint());
      case INT64 -> number(in.readVarint());
      case UINT32 -> number(in.readVarint() & 0xFFFFFFFFL);
      case UINT64 -> unsigned(in.readVarint());
      case SINT32 -> NODES.numberNode((int) WireReader.zigzag(in.readVarint() & 0xFFFFFFFFL));
      case SINT64 -> number(WireReader.zigzag(in.readVarint()));
      case FIXED32 -> number(in.readFixed32() & 0xFFFFFFFFL);
      case FIXED64 -> unsigned(in.readFixed64());
      case SFIXED32 -> NODES.numberNode(in.readFixed32());
      case SFIXED64 -> number(in.readFixed64());
      case BOOL -> NODES.booleanNode(in.readVarint() != 0);
      case STRING -> NODES.stringNode(in.readString());
      case BYTES -> NODES.stringNode(Base64.getEncoder().encodeToString(in.readBytes()));
    };
  }

  /** An int node when the value fits, as a JSON parser would build it; else a long node. */
  private static JsonNode number(long value) {
    return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
  }

  private static JsonNode unsigned(long value) {
    if (value >= 0) {
      return number(value);
    }
    return NODES.numberNode(new BigInteger(Long.toUnsignedString(value)));
  }
}
