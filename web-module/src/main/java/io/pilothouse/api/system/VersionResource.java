package io.pilothouse.api.system;

import io.pilothouse.version.BuildInfo;
import io.pilothouse.version.ServerVersion;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /version}: the server's version, as {@code kubectl version} reads it. */
@Path("version")
public class VersionResource {

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public ServerVersion version() {
    return ServerVersion.of(BuildInfo.current());
  }
}
