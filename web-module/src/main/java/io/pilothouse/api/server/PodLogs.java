package io.pilothouse.api.server;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import io.pilothouse.logs.PodLogLocation;
import io.pilothouse.logs.PodLogLocator;
import io.pilothouse.logs.PodLogOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code GET pods/{name}/log}: the {@link PodLogLocator} says which kubelet serves the container's
 * log; this proxies the request there and streams the answer back as it comes, flushing every chunk
 * (so {@code kubectl logs -f} sees each line at once). An error answer of the kubelet (a container
 * still waiting, no previous instance) becomes a {@code Status} with its code and message; an
 * unreachable kubelet is 503.
 */
@ApplicationScoped
public class PodLogs {

  private static final int MAX_ERROR_BYTES = 4096;

  @Inject PodLogLocator locator;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Response stream(
      String namespace,
      String name,
      MultivaluedMap<String, String> query,
      HttpServletResponse servletResponse) {
    PodLogLocation location = locator.locate(namespace, name, PodLogOptions.from(query));
    if (location.empty()) {
      return Response.ok("", "text/plain").build();
    }
    HttpResponse<InputStream> answer = open(location);
    if (answer.statusCode() != 200) {
      throw kubeletError(answer);
    }
    StreamingOutput body =
        jerseyOut -> {
          OutputStream out = jerseyOut;
          if (servletResponse != null) {
            servletResponse.setStatus(200);
            servletResponse.setContentType("text/plain");
            out = new FlushingOutputStream(servletResponse);
          }
          copy(answer.body(), out);
        };
    return Response.ok(body, "text/plain").build();
  }

  private HttpResponse<InputStream> open(PodLogLocation location) {
    try {
      return http.send(
          HttpRequest.newBuilder(location.kubeletUrl()).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new StatusException(
          503,
          StatusReasons.SERVICE_UNAVAILABLE,
          "the kubelet at "
              + location.kubeletUrl().getAuthority()
              + " does not answer: "
              + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StatusException(503, StatusReasons.SERVICE_UNAVAILABLE, "interrupted");
    }
  }

  private static StatusException kubeletError(HttpResponse<InputStream> answer) {
    String message;
    try (InputStream in = answer.body()) {
      message = new String(in.readNBytes(MAX_ERROR_BYTES), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      message = "the kubelet answered " + answer.statusCode();
    }
    int code = answer.statusCode();
    String reason =
        switch (code) {
          case 400 -> StatusReasons.BAD_REQUEST;
          case 404 -> StatusReasons.NOT_FOUND;
          default -> StatusReasons.INTERNAL_ERROR;
        };
    return new StatusException(code == 400 || code == 404 ? code : 502, reason, message);
  }

  /**
   * Copies the kubelet's stream to the client until either ends; a client that goes away ({@code
   * kubectl logs -f} interrupted) just ends the copy and closes the kubelet's stream.
   */
  static void copy(InputStream in, OutputStream out) throws IOException {
    try (in) {
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        try {
          out.write(buffer, 0, n);
          out.flush();
        } catch (IOException clientGone) {
          return;
        }
      }
    }
  }
}
