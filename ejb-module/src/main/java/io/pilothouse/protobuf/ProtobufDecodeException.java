package io.pilothouse.protobuf;

/**
 * A request body that is not a Kubernetes protobuf object this server can read: a bad magic prefix,
 * truncated or malformed wire data, a wire type that does not match the schema, or an unknown kind.
 * The message is written for a client and fits a 400 {@code Status} as it is.
 */
public final class ProtobufDecodeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A decode failure described by {@code message}. */
  public ProtobufDecodeException(String message) {
    super(message);
  }
}
