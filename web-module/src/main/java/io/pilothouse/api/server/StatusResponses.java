package io.pilothouse.api.server;

import io.pilothouse.api.StatusException;
import io.pilothouse.json.KubernetesJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the Kubernetes {@code Status} replies every API error is sent as. */
public final class StatusResponses {

  private StatusResponses() {}

  /** The reply for a failure with this code, reason and message. */
  public static Response failure(int code, String reason, String message) {
    return toResponse(new StatusException(code, reason, message));
  }

  /**
   * The reply for a {@link StatusException}: its {@link StatusDocument}, already encoded, so that
   * no other JSON provider (a watch request's, say) writes the tree as a bean.
   */
  public static Response toResponse(StatusException failure) {
    return Representations.encoded(
        failure.code(),
        MediaType.APPLICATION_JSON_TYPE,
        KubernetesJson.mapper().writeValueAsBytes(StatusDocument.of(failure)));
  }
}
