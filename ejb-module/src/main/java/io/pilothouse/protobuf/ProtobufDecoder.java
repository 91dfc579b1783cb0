package io.pilothouse.protobuf;

import io.pilothouse.protobuf.ProtobufSchema.MessageType;
import java.util.Locale;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes request bodies sent as {@code application/vnd.kubernetes.protobuf} (kubectl's typed
 * clients do) into the JSON tree the API server works with. The body is apimachinery's envelope:
 * the magic {@code k8s\0}, then a {@code runtime.Unknown} whose {@code typeMeta} names the {@code
 * apiVersion} and {@code kind} and whose {@code raw} bytes are the typed message (for example
 * {@code k8s.io.api.core.v1.Namespace}), decoded by the generated {@link ProtobufSchema}.
 */
public final class ProtobufDecoder {

  /** The Kubernetes protobuf media type. */
  public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

  private static final byte[] MAGIC = {'k', '8', 's', 0};
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final MessageDecoder MESSAGES = new MessageDecoder(ProtobufSchema.get());

  private ProtobufDecoder() {}

  /** Whether a {@code Content-Type} header names the Kubernetes protobuf media type. */
  public static boolean isProtobuf(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String mediaType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return mediaType.trim().toLowerCase(Locale.ROOT).equals(MEDIA_TYPE);
  }

  /**
   * The object in a protobuf request body as JSON, {@code apiVersion} and {@code kind} first.
   *
   * @throws ProtobufDecodeException if the body is not a well-formed envelope of a served kind
   */
  public static ObjectNode decode(byte[] body) {
    if (body == null || body.length < MAGIC.length) {
      throw new ProtobufDecodeException("request body is not Kubernetes protobuf: too short");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (body[i] != MAGIC[i]) {
        throw new ProtobufDecodeException(
            "request body is not Kubernetes protobuf: it does not start with the k8s\\0 prefix");
      }
    }
    Envelope envelope = Envelope.read(new WireReader(body, MAGIC.length, body.length));
    if (!envelope.contentEncoding().isEmpty()) {
      throw new ProtobufDecodeException(
          "unsupported protobuf content encoding " + envelope.contentEncoding());
    }
    if (envelope.kind().isEmpty() || envelope.apiVersion().isEmpty()) {
      throw new ProtobufDecodeException("protobuf object has no apiVersion or kind");
    }
    MessageType type =
        ProtobufSchema.get()
            .root(envelope.apiVersion(), envelope.kind())
            .orElseThrow(
                () ->
                    new ProtobufDecodeException(
                        "no protobuf decoding for kind "
                            + envelope.kind()
                            + " of apiVersion "
                            + envelope.apiVersion()
                            + "; send it as application/json"));
    ObjectNode object = NODES.objectNode();
    object.put("apiVersion", envelope.apiVersion());
    object.put("kind", envelope.kind());
    object.setAll(MESSAGES.decode(type, envelope.raw()));
    return object;
  }

  /** The fields of {@code runtime.Unknown} (apimachinery {@code pkg/runtime/generated.proto}). */
  private record Envelope(String apiVersion, String kind, WireReader raw, String contentEncoding) {

    static Envelope read(WireReader in) {
      String apiVersion = "";
      String kind = "";
      WireReader raw = new WireReader(new byte[0]);
      String contentEncoding = "";
      while (!in.atEnd()) {
        int tag = in.readTag();
        int number = tag >>> 3;
        if (number <= 4 && (tag & 7) != WireReader.LENGTH_DELIMITED) {
          throw new ProtobufDecodeException(
              "protobuf envelope field " + number + " has wire type " + (tag & 7));
        }
        switch (number) {
          case 1 -> {
            WireReader typeMeta = in.readLengthDelimited();
            while (!typeMeta.atEnd()) {
              int inner = typeMeta.readTag();
              if (inner == (1 << 3 | WireReader.LENGTH_DELIMITED)) {
                apiVersion = typeMeta.readString();
              } else if (inner == (2 << 3 | WireReader.LENGTH_DELIMITED)) {
                kind = typeMeta.readString();
              } else {
                typeMeta.skip(inner & 7);
              }
            }
          }
          case 2 -> raw = in.readLengthDelimited();
          case 3 -> contentEncoding = in.readString();
          case 4 -> in.readString(); // contentType: the raw bytes are protobuf whatever it says
          default -> in.skip(tag & 7);
        }
      }
      return new Envelope(apiVersion, kind, raw, contentEncoding);
    }
  }
}
