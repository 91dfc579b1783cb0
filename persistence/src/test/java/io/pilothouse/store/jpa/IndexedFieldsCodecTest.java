package io.pilothouse.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.store.IndexedFields;
import org.junit.jupiter.api.Test;

class IndexedFieldsCodecTest {

  @Test
  void roundTripsAwkwardText() {
    IndexedFields fields =
        IndexedFields.builder()
            .label("example.com/app", "web")
            .label("empty", "")
            .field("involvedObject.fieldPath", "spec.containers{a=b}")
            .field("message", "50%\nnext line\r=%3D")
            .field("a=b", "c")
            .owner("uid-1")
            .owner("uid-2")
            .build();

    String text = IndexedFieldsCodec.encode(fields);

    assertThat(IndexedFieldsCodec.decode(text)).isEqualTo(fields);
    assertThat(text.lines()).hasSize(7);
  }

  @Test
  void equalFieldsEncodeEquallyAndNothingEncodesEmpty() {
    IndexedFields a = IndexedFields.builder().label("b", "2").label("a", "1").build();
    IndexedFields b = IndexedFields.builder().label("a", "1").label("b", "2").build();

    assertThat(IndexedFieldsCodec.encode(a)).isEqualTo(IndexedFieldsCodec.encode(b));
    assertThat(IndexedFieldsCodec.encode(IndexedFields.EMPTY)).isEmpty();
    assertThat(IndexedFieldsCodec.decode("")).isEqualTo(IndexedFields.EMPTY);
    assertThat(IndexedFieldsCodec.decode(null)).isNull();
  }
}
