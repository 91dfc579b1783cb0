package io.pilothouse.api.server;

import io.pilothouse.api.StatusReasons;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: a server-side bug becomes a 500 {@code InternalError} Status carrying an
 * incident id that is also in the server log. No stack trace ever reaches the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable failure) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "internal error, incident " + incident, failure);
    return StatusResponses.failure(
        500,
        StatusReasons.INTERNAL_ERROR,
        "an internal error occurred (incident " + incident + ")");
  }
}
