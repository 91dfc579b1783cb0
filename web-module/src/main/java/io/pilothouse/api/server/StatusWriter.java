package io.pilothouse.api.server;

import io.pilothouse.api.StatusException;
import io.pilothouse.json.KubernetesJson;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes a Kubernetes {@code Status} failure from code outside JAX-RS (servlet filters). */
public final class StatusWriter {

  private StatusWriter() {}

  public static void write(HttpServletResponse response, int code, String reason, String message)
      throws IOException {
    response.setStatus(code);
    response.setContentType("application/json");
    KubernetesJson.mapper()
        .writeValue(
            response.getOutputStream(),
            StatusDocument.of(new StatusException(code, reason, message)));
  }
}
