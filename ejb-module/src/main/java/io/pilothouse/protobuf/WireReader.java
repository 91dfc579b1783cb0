package io.pilothouse.protobuf;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reader of the protobuf wire format over a window of a byte array: tags, varints, 64-bit and
 * 32-bit little-endian values and length-delimited payloads (read as bytes, strings or a nested
 * reader over the same array, without copying). Knows nothing of schemas; every read is bounds
 * checked and fails with a {@link ProtobufDecodeException}.
 */
final class WireReader {

  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int START_GROUP = 3;
  static final int END_GROUP = 4;
  static final int FIXED32 = 5;

  private final byte[] data;
  private final int limit;
  private int position;

  /** A reader over all of {@code data}. */
  WireReader(byte[] data) {
    this(data, 0, data.length);
  }

  /** A reader over {@code data[offset, limit)}. */
  WireReader(byte[] data, int offset, int limit) {
    if (offset < 0 || limit > data.length || offset > limit) {
      throw new IllegalArgumentException("window " + offset + ".." + limit + " of " + data.length);
    }
    this.data = data;
    this.position = offset;
    this.limit = limit;
  }

  /** Whether the window is consumed. */
  boolean atEnd() {
    return position >= limit;
  }

  /** The number of unread bytes. */
  int remaining() {
    return limit - position;
  }

  /** Reads a field key: {@code fieldNumber << 3 | wireType}; the field number must be positive. */
  int readTag() {
    long tag = readVarint();
    if (tag >>> 3 == 0 || tag >>> 3 > 0x1FFFFFFFL) {
      throw new ProtobufDecodeException(
          "invalid protobuf field key " + tag + " at byte " + position);
    }
    return (int) tag;
  }

  /** Reads a base-128 varint of at most 10 bytes. */
  long readVarint() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position >= limit) {
        throw truncated("varint");
      }
      byte b = data[position++];
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new ProtobufDecodeException("malformed protobuf varint (more than 10 bytes)");
  }

  /** Reads a little-endian 64-bit value. */
  long readFixed64() {
    require(8, "64-bit value");
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (data[position + i] & 0xFFL);
    }
    position += 8;
    return value;
  }

  /** Reads a little-endian 32-bit value. */
  int readFixed32() {
    require(4, "32-bit value");
    int value = 0;
    for (int i = 3; i >= 0; i--) {
      value = (value << 8) | (data[position + i] & 0xFF);
    }
    position += 4;
    return value;
  }

  /** Reads a length-delimited payload as a reader over its bytes, and skips past it. */
  WireReader readLengthDelimited() {
    int length = readLength();
    WireReader nested = new WireReader(data, position, position + length);
    position += length;
    return nested;
  }

  /** Reads a length-delimited payload as a copy of its bytes. */
  byte[] readBytes() {
    int length = readLength();
    byte[] bytes = Arrays.copyOfRange(data, position, position + length);
    position += length;
    return bytes;
  }

  /** Reads a length-delimited payload as UTF-8 text; malformed UTF-8 is rejected. */
  String readString() {
    int length = readLength();
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(data, position, length))
              .toString();
      position += length;
      return text;
    } catch (CharacterCodingException e) {
      throw new ProtobufDecodeException("invalid UTF-8 in a protobuf string at byte " + position);
    }
  }

  /** Skips the value of a field of this wire type (groups are not supported). */
  void skip(int wireType) {
    switch (wireType) {
      case VARINT -> readVarint();
      case FIXED64 -> skipBytes(8, "64-bit value");
      case LENGTH_DELIMITED -> skipBytes(readLength(), "length-delimited field");
      case FIXED32 -> skipBytes(4, "32-bit value");
      default -> throw new ProtobufDecodeException("unsupported protobuf wire type " + wireType);
    }
  }

  /** Decodes a zigzag-encoded signed value ({@code sint32}, {@code sint64}). */
  static long zigzag(long value) {
    return (value >>> 1) ^ -(value & 1);
  }

  private int readLength() {
    long length = readVarint();
    if (length < 0 || length > remaining()) {
      throw truncated("length-delimited field of " + length + " bytes");
    }
    return (int) length;
  }

  private void skipBytes(int count, String what) {
    require(count, what);
    position += count;
  }

  private void require(int count, String what) {
    if (remaining() < count) {
      throw truncated(what);
    }
  }

  private ProtobufDecodeException truncated(String what) {
    return new ProtobufDecodeException(
        "truncated protobuf data: " + what + " runs past the end at byte " + position);
  }
}
