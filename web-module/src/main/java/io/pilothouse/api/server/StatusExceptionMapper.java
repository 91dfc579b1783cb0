package io.pilothouse.api.server;

import io.pilothouse.api.StatusException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Sends a {@link StatusException} to the client as the Kubernetes {@code Status} it describes. */
@Provider
public class StatusExceptionMapper implements ExceptionMapper<StatusException> {

  @Override
  public Response toResponse(StatusException failure) {
    return StatusResponses.toResponse(failure);
  }
}
