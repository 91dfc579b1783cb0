package io.pilothouse.protobuf;

import static io.pilothouse.protobuf.ProtobufWriter.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The public entry point: media-type detection and the envelope's failure modes. */
class ProtobufDecoderTest {

  @Test
  void recognisesTheProtobufMediaType() {
    assertThat(ProtobufDecoder.isProtobuf("application/vnd.kubernetes.protobuf")).isTrue();
    assertThat(ProtobufDecoder.isProtobuf(" Application/VND.Kubernetes.Protobuf ; charset=x"))
        .isTrue();
    assertThat(ProtobufDecoder.isProtobuf("application/json")).isFalse();
    assertThat(ProtobufDecoder.isProtobuf("application/vnd.kubernetes.protobuf+json")).isFalse();
    assertThat(ProtobufDecoder.isProtobuf(null)).isFalse();
    assertThat(ProtobufDecoder.isProtobuf("")).isFalse();
  }

  @Test
  void rejectsABodyWithoutTheMagic() {
    assertThatThrownBy(() -> ProtobufDecoder.decode("{\"kind\":\"Pod\"}".getBytes()))
        .isInstanceOf(ProtobufDecodeException.class)
        .hasMessageContaining("k8s\\0 prefix");
    assertThatThrownBy(() -> ProtobufDecoder.decode(new byte[] {'k', '8'}))
        .isInstanceOf(ProtobufDecodeException.class)
        .hasMessageContaining("too short");
    assertThatThrownBy(() -> ProtobufDecoder.decode(null))
        .isInstanceOf(ProtobufDecodeException.class);
  }

  @Test
  void rejectsATruncatedBody() {
    byte[] body = KubectlFixturesTest.fixture("deployment.pb");
    for (int length : new int[] {5, 20, body.length / 2, body.length - 1}) {
      byte[] cut = Arrays.copyOf(body, length);
      assertThatThrownBy(() -> ProtobufDecoder.decode(cut))
          .as("cut at %d", length)
          .isInstanceOf(ProtobufDecodeException.class)
          .hasMessageContaining("truncated");
    }
  }

  @Test
  void namesAnUnknownKind() {
    assertThatThrownBy(
            () -> ProtobufDecoder.decode(envelope("batch/v1", "CronJob", new ProtobufWriter())))
        .isInstanceOf(ProtobufDecodeException.class)
        .hasMessageContaining("kind CronJob of apiVersion batch/v1");
    assertThatThrownBy(
            () -> ProtobufDecoder.decode(envelope("apps/v2", "Deployment", new ProtobufWriter())))
        .isInstanceOf(ProtobufDecodeException.class)
        .hasMessageContaining("Deployment");
    assertThatThrownBy(() -> ProtobufDecoder.decode(envelope("v1", "", new ProtobufWriter())))
        .isInstanceOf(ProtobufDecodeException.class)
        .hasMessageContaining("no apiVersion or kind");
  }

  @Test
  void rejectsAContentEncoding() {
    byte[] body =
        concat(
            new byte[] {'k', '8', 's', 0},
            new ProtobufWriter()
                .message(1, new ProtobufWriter().string(1, "v1").string(2, "Namespace"))
                .string(3, "gzip")
                .toBytes());
    assertThatThrownBy(() -> ProtobufDecoder.decode(body))
        .isInstanceOf(ProtobufDecodeException.class)
        .hasMessageContaining("gzip");
  }

  @Test
  void anEmptyRawIsAnEmptyObject() {
    byte[] body =
        concat(
            new byte[] {'k', '8', 's', 0},
            new ProtobufWriter()
                .message(1, new ProtobufWriter().string(1, "v1").string(2, "Namespace"))
                .toBytes());
    assertThat(ProtobufDecoder.decode(body).toString())
        .isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\"}");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
