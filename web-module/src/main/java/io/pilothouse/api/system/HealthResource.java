package io.pilothouse.api.system;

import io.pilothouse.api.StatusReasons;
import io.pilothouse.api.server.StatusResponses;
import io.pilothouse.health.HealthChecks;
import io.pilothouse.health.HealthReport;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** kube-apiserver's health endpoints: {@code /healthz}, {@code /livez} and {@code /readyz}. */
@Path("")
@Produces(MediaType.TEXT_PLAIN)
public class HealthResource {

  @Inject HealthChecks checks;

  @GET
  @Path("healthz")
  public Response healthz(@QueryParam("verbose") String verbose) {
    return reply(checks.liveness("healthz"), verbose);
  }

  @GET
  @Path("livez")
  public Response livez(@QueryParam("verbose") String verbose) {
    return reply(checks.liveness("livez"), verbose);
  }

  @GET
  @Path("readyz")
  public Response readyz(@QueryParam("verbose") String verbose) {
    return reply(checks.readiness(), verbose);
  }

  @GET
  @Path("readyz/{check}")
  public Response readyzCheck(@PathParam("check") String name) {
    return checks
        .readiness(name)
        .map(report -> reply(report, null))
        .orElseGet(
            () ->
                StatusResponses.failure(
                    404, StatusReasons.NOT_FOUND, "no readiness check named " + name));
  }

  private static Response reply(HealthReport report, String verbose) {
    return Response.status(report.healthy() ? 200 : 500)
        .type(MediaType.TEXT_PLAIN)
        .entity(report.render(verbose != null))
        .build();
  }
}
