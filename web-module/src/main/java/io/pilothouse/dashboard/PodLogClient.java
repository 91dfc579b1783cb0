package io.pilothouse.dashboard;

import io.pilothouse.json.KubernetesJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Reads a container's log through the API server's own {@code pods/log} endpoint (on this server's
 * loopback port), so the dashboard gets logs exactly as kubectl does, wherever the kubelet that
 * serves them runs. A refusal comes back as the Status message, shown in place of the log.
 */
@ApplicationScoped
public class PodLogClient {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  /** The log's last {@code tailLines} lines, or the API's explanation of why there is none. */
  public LogText read(String namespace, String pod, String container, int tailLines) {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    String path =
        "/api/v1/namespaces/"
            + encode(namespace)
            + "/pods/"
            + encode(pod)
            + "/log?tailLines="
            + tailLines
            + (container == null || container.isEmpty() ? "" : "&container=" + encode(container));
    URI uri =
        URI.create("http://127.0.0.1:" + request.getLocalPort() + request.getContextPath() + path);
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200 && response.body().isEmpty()) {
        // as upstream, an unscheduled pod or a silent container has an empty log, not an error
        return new LogText("", "The log is empty: the container has written nothing yet.");
      }
      if (response.statusCode() == 200) {
        return new LogText(response.body(), null);
      }
      return new LogText("", statusMessage(response));
    } catch (java.io.IOException e) {
      return new LogText("", "The log could not be read: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new LogText("", "Interrupted while reading the log");
    }
  }

  private static String statusMessage(HttpResponse<String> response) {
    try {
      JsonNode status = KubernetesJson.mapper().readTree(response.body());
      return "The API answered " + response.statusCode() + ": " + status.path("message").asString();
    } catch (RuntimeException e) {
      return "The API answered " + response.statusCode();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A log's text, or why there is none. */
  public record LogText(String text, String problem) {}
}
