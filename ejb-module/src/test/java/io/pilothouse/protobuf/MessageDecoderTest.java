package io.pilothouse.protobuf;

import static io.pilothouse.protobuf.ProtobufWriter.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema walk's wire semantics: packed and unpacked repeated scalars, maps with missing keys or
 * values, unknown fields, repeated occurrences of singular fields, wire-type mismatches, omitempty
 * and pointer fields.
 */
class MessageDecoderTest {

  private static ProtobufWriter w() {
    return new ProtobufWriter();
  }

  /** A Job whose podFailurePolicy.rules[0].onExitCodes is {@code exitCodes}. */
  private static ObjectNode jobWithExitCodes(ProtobufWriter exitCodes) {
    ProtobufWriter rule = w().string(1, "FailJob").message(2, exitCodes);
    ProtobufWriter spec = w().message(11, w().message(1, rule));
    return ProtobufDecoder.decode(envelope("batch/v1", "Job", w().message(2, spec)));
  }

  @Test
  void repeatedScalarsPackedUnpackedAndMixed() {
    String path = "/spec/podFailurePolicy/rules/0/onExitCodes/values";
    assertThat(jobWithExitCodes(w().varint(3, 1).varint(3, 2).varint(3, 300)).at(path).toString())
        .isEqualTo("[1,2,300]");
    assertThat(jobWithExitCodes(w().packed(3, 1, 2, 300)).at(path).toString())
        .isEqualTo("[1,2,300]");
    assertThat(jobWithExitCodes(w().packed(3, 1).varint(3, 2).packed(3)).at(path).toString())
        .isEqualTo("[1,2]");
  }

  @Test
  void nestedMessagesAndRepeatedStrings() {
    ProtobufWriter container =
        w().string(1, "c").string(2, "img").string(3, "sh").string(3, "-c").string(4, "x");
    ProtobufWriter podSpec = w().message(2, container).message(2, w().string(1, "d"));
    ObjectNode pod = ProtobufDecoder.decode(envelope("v1", "Pod", w().message(2, podSpec)));
    assertThat(pod.at("/spec/containers").toString())
        .isEqualTo(
            "[{\"name\":\"c\",\"image\":\"img\",\"command\":[\"sh\",\"-c\"],\"args\":[\"x\"]},"
                + "{\"name\":\"d\"}]");
  }

  @Test
  void mapEntriesWithMissingKeyOrValue() {
    ProtobufWriter meta =
        w().entry(11, "a", "1")
            .message(11, w().string(1, "novalue"))
            .message(11, w().string(2, "nokey"))
            .entry(11, "a", "2"); // a later entry for a key wins
    ObjectNode ns = ProtobufDecoder.decode(envelope("v1", "Namespace", w().message(1, meta)));
    assertThat(ns.at("/metadata/labels").toString())
        .isEqualTo("{\"a\":\"2\",\"novalue\":\"\",\"\":\"nokey\"}");
    ProtobufWriter status = w().message(1, w().string(1, "cpu")); // Quantity value absent
    ObjectNode node = ProtobufDecoder.decode(envelope("v1", "Node", w().message(3, status)));
    assertThat(node.at("/status/capacity/cpu").asString()).isEqualTo("0");
  }

  @Test
  void unknownFieldsOfEveryWireTypeAreSkipped() {
    ProtobufWriter meta =
        w().varint(99, 7)
            .fixed64(98, 1)
            .string(97, "future")
            .fixed32(96, 1)
            .message(95, w().string(1, "x"))
            .string(1, "demo");
    ObjectNode ns =
        ProtobufDecoder.decode(envelope("v1", "Namespace", w().message(1, meta).varint(50, 1)));
    assertThat(ns.toString())
        .isEqualTo(
            "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"demo\"}}");
  }

  @Test
  void repeatedSingularFieldsLastScalarWinsMessagesMerge() {
    ProtobufWriter body =
        w().message(1, w().string(1, "first").entry(11, "a", "1"))
            .message(1, w().string(1, "second").entry(12, "b", "2"));
    ObjectNode ns = ProtobufDecoder.decode(envelope("v1", "Namespace", body));
    assertThat(ns.get("metadata").toString())
        .isEqualTo("{\"name\":\"second\",\"labels\":{\"a\":\"1\"},\"annotations\":{\"b\":\"2\"}}");
  }

  @Test
  void omitemptyDropsZeroValuesButPointersAndRequiredFieldsKeepThem() {
    ProtobufWriter port = w().string(1, "").string(2, "").varint(3, 0).varint(5, 0).message(4, w());
    ProtobufWriter spec = w().message(1, port).string(3, "").message(18, w());
    ObjectNode svc = ProtobufDecoder.decode(envelope("v1", "Service", w().message(2, spec)));
    // port has no omitempty upstream; targetPort 0 means unset; clusterIP "" omitted;
    // elements of a repeated field always stay
    assertThat(svc.at("/spec").toString())
        .isEqualTo("{\"ports\":[{\"port\":0}],\"clusterIPs\":[\"\"]}");
    ProtobufWriter deployment = w().message(2, w().varint(1, 0).varint(5, 0).varint(7, 0));
    ObjectNode d = ProtobufDecoder.decode(envelope("apps/v1", "Deployment", deployment));
    assertThat(d.at("/spec").toString()).isEqualTo("{\"replicas\":0}");
  }

  @Test
  void wireTypeMismatchIsAnError() {
    assertThatThrownBy(
            () ->
                ProtobufDecoder.decode(
                    envelope("v1", "Namespace", w().message(1, w().varint(1, 5)))))
        .isInstanceOf(ProtobufDecodeException.class)
        .hasMessageContaining("core.v1.Namespace.metadata.name")
        .hasMessageContaining("wire type 0, expected 2");
    assertThatThrownBy(
            () ->
                ProtobufDecoder.decode(
                    envelope("apps/v1", "Deployment", w().message(2, w().string(1, "3")))))
        .isInstanceOf(ProtobufDecodeException.class)
        .hasMessageContaining("spec.replicas");
    assertThatThrownBy(
            () ->
                ProtobufDecoder.decode(
                    envelope(
                        "v1",
                        "Service",
                        w().message(2, w().message(1, w().message(4, w().string(2, "x")))))))
        .isInstanceOf(ProtobufDecodeException.class)
        .hasMessageContaining("IntOrString");
  }

  @Test
  void truncatedNestedMessageIsAnError() {
    ProtobufWriter broken = w().tag(1, WireReader.LENGTH_DELIMITED).rawVarint(10).rawVarint(0x0A);
    assertThatThrownBy(() -> ProtobufDecoder.decode(envelope("v1", "Namespace", broken)))
        .isInstanceOf(ProtobufDecodeException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void invalidFieldsV1IsAnError() {
    ProtobufWriter managed = w().message(7, w().bytes(1, "{not json".getBytes()));
    ProtobufWriter meta = w().message(17, managed);
    assertThatThrownBy(
            () -> ProtobufDecoder.decode(envelope("v1", "Namespace", w().message(1, meta))))
        .isInstanceOf(ProtobufDecodeException.class)
        .hasMessageContaining("fieldsV1");
  }
}
