package io.pilothouse.api.server;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.api.model.StatusDetailsBuilder;
import io.pilothouse.api.StatusException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds the Kubernetes {@code Status} replies every API error is sent as. */
public final class StatusResponses {

  private StatusResponses() {}

  /** The reply for a failure with this code, reason and message. */
  public static Response failure(int code, String reason, String message) {
    return toResponse(new StatusException(code, reason, message));
  }

  /** The reply for a {@link StatusException}. */
  public static Response toResponse(StatusException failure) {
    Status status =
        new StatusBuilder()
            .withApiVersion("v1")
            .withKind("Status")
            .withNewMetadata()
            .endMetadata()
            .withStatus("Failure")
            .withMessage(failure.getMessage())
            .withReason(failure.reason())
            .withCode(failure.code())
            .withDetails(details(failure.details()))
            .build();
    return Response.status(failure.code()).type(MediaType.APPLICATION_JSON).entity(status).build();
  }

  private static StatusDetails details(StatusException.StatusDetails details) {
    if (details == null) {
      return null;
    }
    List<StatusCause> causes =
        details.causes() == null
            ? null
            : details.causes().stream()
                .map(cause -> new StatusCause(cause.field(), cause.message(), cause.reason()))
                .toList();
    return new StatusDetailsBuilder()
        .withGroup(details.group())
        .withKind(details.kind())
        .withName(details.name())
        .withCauses(causes)
        .build();
  }
}
