package io.pilothouse.it;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An HTTP client for the control plane under test. Arquillian reports the server by the host's
 * name; the server listens on the loopback address only, so requests always go to 127.0.0.1 on the
 * reported port.
 */
public final class ControlPlane {

  private final URI root;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ControlPlane(URI root) {
    this.root = root;
  }

  /** The control plane Arquillian deployed at {@code deployed}, reached over loopback. */
  public static ControlPlane at(URL deployed) {
    return new ControlPlane(URI.create("http://127.0.0.1:" + deployed.getPort() + "/"));
  }

  /** The control plane at a loopback root URL. */
  public static ControlPlane at(URI root) {
    return new ControlPlane(root);
  }

  /** The server's root URL, e.g. {@code http://127.0.0.1:8891/}. */
  public URI root() {
    return root;
  }

  /** GETs a path such as {@code /readyz?verbose}. */
  public HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(root.resolve(path)).GET());
  }

  /** Sends a request with a JSON body. */
  public HttpResponse<String> send(String method, String path, String contentType, String body)
      throws Exception {
    return send(
        HttpRequest.newBuilder(root.resolve(path))
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
