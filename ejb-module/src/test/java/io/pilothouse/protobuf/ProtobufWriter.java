package io.pilothouse.protobuf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal protobuf wire-format writer for tests: builds messages field by field (varints, fixed
 * values, strings, bytes, nested messages, packed scalars) and wraps them in the Kubernetes {@code
 * k8s\0} + {@code runtime.Unknown} envelope, for kinds kubectl never sends as protobuf.
 */
final class ProtobufWriter {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Writes a field key. */
  ProtobufWriter tag(int number, int wireType) {
    return rawVarint((long) number << 3 | wireType);
  }

  /** Writes a varint field. */
  ProtobufWriter varint(int number, long value) {
    return tag(number, WireReader.VARINT).rawVarint(value);
  }

  /** Writes a string field. */
  ProtobufWriter string(int number, String value) {
    return bytes(number, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a length-delimited field. */
  ProtobufWriter bytes(int number, byte[] value) {
    tag(number, WireReader.LENGTH_DELIMITED).rawVarint(value.length);
    out.writeBytes(value);
    return this;
  }

  /** Writes a nested message field. */
  ProtobufWriter message(int number, ProtobufWriter message) {
    return bytes(number, message.toBytes());
  }

  /** Writes a 32-bit field. */
  ProtobufWriter fixed32(int number, int value) {
    tag(number, WireReader.FIXED32);
    for (int i = 0; i < 4; i++) {
      out.write(value >>> (8 * i));
    }
    return this;
  }

  /** Writes a 64-bit field. */
  ProtobufWriter fixed64(int number, long value) {
    tag(number, WireReader.FIXED64);
    for (int i = 0; i < 8; i++) {
      out.write((int) (value >>> (8 * i)));
    }
    return this;
  }

  /** Writes repeated varints packed into one length-delimited field. */
  ProtobufWriter packed(int number, long... values) {
    ProtobufWriter payload = new ProtobufWriter();
    for (long value : values) {
      payload.rawVarint(value);
    }
    return bytes(number, payload.toBytes());
  }

  /** Writes a {@code map<string, string>} entry. */
  ProtobufWriter entry(int number, String key, String value) {
    return message(number, new ProtobufWriter().string(1, key).string(2, value));
  }

  /** Writes a bare varint. */
  ProtobufWriter rawVarint(long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) (value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
    return this;
  }

  byte[] toBytes() {
    return out.toByteArray();
  }

  /** A whole request body: the magic, then {@code Unknown{typeMeta, raw}}. */
  static byte[] envelope(String apiVersion, String kind, ProtobufWriter object) {
    ProtobufWriter unknown =
        new ProtobufWriter()
            .message(1, new ProtobufWriter().string(1, apiVersion).string(2, kind))
            .message(2, object)
            .string(3, "")
            .string(4, "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {'k', '8', 's', 0});
    body.writeBytes(unknown.toBytes());
    return body.toByteArray();
  }
}
