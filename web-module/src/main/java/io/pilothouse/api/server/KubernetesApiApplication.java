package io.pilothouse.api.server;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The API server's JAX-RS application, served at the server root as kube-apiserver is ({@code
 * /api}, {@code /apis}, {@code /version}, {@code /readyz}...). The dashboard's Faces servlet owns
 * the longer prefix {@code /dashboard/*}.
 */
@ApplicationPath("/")
public class KubernetesApiApplication extends Application {

  @Override
  public Map<String, Object> getProperties() {
    // Kubernetes types are mapped by Jackson (JacksonProvider), never by JSON-B or MOXy, which
    // full Payara Server would otherwise pick first.
    return Map.of(
        "jersey.config.disableJsonBinding", true,
        "jersey.config.disableMoxyJson", true,
        "jersey.config.server.disableMoxyJson", true,
        "jersey.config.server.wadl.disableWadl", true,
        // Watch streams must reach the client event by event, not buffered to compute a length.
        "jersey.config.server.contentLength.buffer", 0);
  }
}
