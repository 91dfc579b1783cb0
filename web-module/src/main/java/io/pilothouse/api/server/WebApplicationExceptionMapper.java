package io.pilothouse.api.server;

import io.pilothouse.api.StatusReasons;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Turns the JAX-RS runtime's own refusals (unknown path, wrong method, unsupported media type...)
 * into Kubernetes {@code Status} replies with upstream's reasons.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  private static final Map<Integer, String> REASONS =
      Map.of(
          400, StatusReasons.BAD_REQUEST,
          401, StatusReasons.UNAUTHORIZED,
          403, StatusReasons.FORBIDDEN,
          404, StatusReasons.NOT_FOUND,
          405, StatusReasons.METHOD_NOT_ALLOWED,
          406, StatusReasons.NOT_ACCEPTABLE,
          413, StatusReasons.REQUEST_ENTITY_TOO_LARGE,
          415, StatusReasons.UNSUPPORTED_MEDIA_TYPE,
          429, StatusReasons.TOO_MANY_REQUESTS);

  @Override
  public Response toResponse(WebApplicationException failure) {
    int code = failure.getResponse().getStatus();
    String reason = REASONS.getOrDefault(code, StatusReasons.INTERNAL_ERROR);
    String message = code == 404 ? "the server could not find the requested resource" : reason;
    return StatusResponses.failure(code, reason, message);
  }
}
