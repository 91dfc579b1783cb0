package io.pilothouse.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The wire-format reader: varints, fixed-width values, length-delimited windows, skipping. */
class WireReaderTest {

  private static WireReader reader(int... bytes) {
    byte[] data = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      data[i] = (byte) bytes[i];
    }
    return new WireReader(data);
  }

  @Test
  void readsVarintsOfEveryLength() {
    assertThat(reader(0x00).readVarint()).isZero();
    assertThat(reader(0x01).readVarint()).isEqualTo(1);
    assertThat(reader(0x7F).readVarint()).isEqualTo(127);
    assertThat(reader(0x80, 0x01).readVarint()).isEqualTo(128);
    assertThat(reader(0xAC, 0x02).readVarint()).isEqualTo(300);
    assertThat(reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01).readVarint())
        .isEqualTo(-1L);
    byte[] encoded = new ProtobufWriter().rawVarint(Long.MAX_VALUE).toBytes();
    assertThat(new WireReader(encoded).readVarint()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void negativeInt32IsTenBytesSignExtended() {
    byte[] encoded = new ProtobufWriter().rawVarint(-5).toBytes();
    assertThat(encoded).hasSize(10);
    assertThat((int) new WireReader(encoded).readVarint()).isEqualTo(-5);
  }

  @Test
  void rejectsTruncatedAndOverlongVarints() {
    assertThatThrownBy(() -> reader(0x80, 0x80).readVarint())
        .isInstanceOf(ProtobufDecodeException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(
            () ->
                reader(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01)
                    .readVarint())
        .isInstanceOf(ProtobufDecodeException.class)
        .hasMessageContaining("more than 10 bytes");
  }

  @Test
  void readsFixedWidthLittleEndian() {
    assertThat(reader(0x78, 0x56, 0x34, 0x12).readFixed32()).isEqualTo(0x12345678);
    assertThat(reader(0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x81).readFixed64())
        .isEqualTo(0x8102030405060708L);
    assertThatThrownBy(() -> reader(1, 2, 3).readFixed32())
        .isInstanceOf(ProtobufDecodeException.class);
    assertThatThrownBy(() -> reader(1, 2, 3, 4, 5, 6, 7).readFixed64())
        .isInstanceOf(ProtobufDecodeException.class);
  }

  @Test
  void readsTagsAndRejectsFieldZero() {
    WireReader in = reader(0x0A, 0x00);
    int tag = in.readTag();
    assertThat(tag >>> 3).isEqualTo(1);
    assertThat(tag & 7).isEqualTo(WireReader.LENGTH_DELIMITED);
    assertThatThrownBy(() -> reader(0x02).readTag())
        .isInstanceOf(ProtobufDecodeException.class)
        .hasMessageContaining("invalid protobuf field key");
  }

  @Test
  void nestedWindowStopsAtItsLength() {
    byte[] data =
        new ProtobufWriter()
            .message(1, new ProtobufWriter().string(1, "in").varint(2, 7))
            .varint(3, 9)
            .toBytes();
    WireReader in = new WireReader(data);
    in.readTag();
    WireReader nested = in.readLengthDelimited();
    nested.readTag();
    assertThat(nested.readString()).isEqualTo("in");
    nested.readTag();
    assertThat(nested.readVarint()).isEqualTo(7);
    assertThat(nested.atEnd()).isTrue();
    assertThat(in.readTag() >>> 3).isEqualTo(3);
    assertThat(in.readVarint()).isEqualTo(9);
    assertThat(in.atEnd()).isTrue();
  }

  @Test
  void rejectsLengthPastTheEnd() {
    assertThatThrownBy(() -> reader(0x05, 'a', 'b').readBytes())
        .isInstanceOf(ProtobufDecodeException.class)
        .hasMessageContaining("length-delimited field of 5 bytes");
  }

  @Test
  void rejectsInvalidUtf8() {
    assertThatThrownBy(() -> reader(0x02, 0xC3, 0x28).readString())
        .isInstanceOf(ProtobufDecodeException.class)
        .hasMessageContaining("UTF-8");
    assertThat(reader(0x02, 0xC3, 0xA9).readString()).isEqualTo("é");
  }

  @Test
  void skipsEveryWireTypeButGroups() {
    byte[] data =
        new ProtobufWriter()
            .varint(1, 300)
            .fixed64(2, 1)
            .string(3, "skip me")
            .fixed32(4, 1)
            .varint(5, 42)
            .toBytes();
    WireReader in = new WireReader(data);
    for (int i = 0; i < 4; i++) {
      in.skip(in.readTag() & 7);
    }
    assertThat(in.readTag() >>> 3).isEqualTo(5);
    assertThat(in.readVarint()).isEqualTo(42);
    assertThatThrownBy(() -> reader(0x00).skip(WireReader.START_GROUP))
        .isInstanceOf(ProtobufDecodeException.class)
        .hasMessageContaining("wire type 3");
  }

  @Test
  void zigzagDecodesSignedValues() {
    assertThat(WireReader.zigzag(0)).isZero();
    assertThat(WireReader.zigzag(1)).isEqualTo(-1);
    assertThat(WireReader.zigzag(2)).isEqualTo(1);
    assertThat(WireReader.zigzag(3)).isEqualTo(-2);
    assertThat(WireReader.zigzag(0xFFFFFFFEL)).isEqualTo(Integer.MAX_VALUE);
  }
}
