package io.pilothouse.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * One writer of ConfigMaps over its own HTTP/1.1 connection, as one client process would be: the
 * reliability tests give each thread one, and keep the resourceVersion every write returns.
 */
final class ConfigMapWriter {

  /** A ConfigMap's {@code data.value} and resourceVersion as read. */
  record Read(String value, long revision) {}

  /** A list's resourceVersion and its items' resourceVersions by name. */
  record Listing(long revision, Map<String, Long> items) {}

  private final URI root;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  ConfigMapWriter(URI root) {
    this.root = root;
  }

  /** Creates a namespace; fails unless created. */
  void createNamespace(String namespace) throws Exception {
    String body = "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"%s\"}}";
    expect(send("POST", "/api/v1/namespaces", body.formatted(namespace)), 201);
  }

  /** Creates a ConfigMap; returns its resourceVersion. */
  long create(String namespace, String name, String value) throws Exception {
    HttpResponse<String> created = send("POST", path(namespace, null), document(name, value, 0));
    return revision(expect(created, 201));
  }

  /** Tries to create a ConfigMap; the response as it came (201, or 409 when the name is taken). */
  HttpResponse<String> tryCreate(String namespace, String name, String value) throws Exception {
    return send("POST", path(namespace, null), document(name, value, 0));
  }

  /** Replaces a ConfigMap unconditionally (no resourceVersion); returns the new one. */
  long put(String namespace, String name, String value) throws Exception {
    return revision(expect(send("PUT", path(namespace, name), document(name, value, 0)), 200));
  }

  /** Replaces a ConfigMap if it is still at {@code revision}; the HTTP status (200 or 409). */
  HttpResponse<String> putIfAt(String namespace, String name, String value, long revision)
      throws Exception {
    return send("PUT", path(namespace, name), document(name, value, revision));
  }

  /** Reads a ConfigMap's value and resourceVersion. */
  Read read(String namespace, String name) throws Exception {
    HttpRequest get = HttpRequest.newBuilder(root.resolve(path(namespace, name))).GET().build();
    JsonNode object =
        Json.parse(expect(http.send(get, HttpResponse.BodyHandlers.ofString()), 200).body());
    return new Read(
        object.path("data").path("value").asString(),
        Long.parseLong(object.path("metadata").path("resourceVersion").asString()));
  }

  /** Lists a namespace's ConfigMaps: the list's resourceVersion and each item's, by name. */
  Listing list(String namespace) throws Exception {
    HttpRequest get = HttpRequest.newBuilder(root.resolve(path(namespace, null))).GET().build();
    JsonNode list =
        Json.parse(expect(http.send(get, HttpResponse.BodyHandlers.ofString()), 200).body());
    Map<String, Long> revisions = new TreeMap<>();
    for (JsonNode item : list.path("items")) {
      revisions.put(
          item.path("metadata").path("name").asString(),
          Long.parseLong(item.path("metadata").path("resourceVersion").asString()));
    }
    return new Listing(
        Long.parseLong(list.path("metadata").path("resourceVersion").asString()), revisions);
  }

  /** The path of a watch of a namespace's ConfigMaps from a resourceVersion. */
  static String watchPath(String namespace, long from) {
    return path(namespace, null) + "?watch=1&resourceVersion=" + from;
  }

  /** The resourceVersion in a write's answer. */
  static long revision(HttpResponse<String> response) {
    return Long.parseLong(Json.path(response.body(), "metadata.resourceVersion"));
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(root.resolve(path))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          "expected " + status + " but got " + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  private static String path(String namespace, String name) {
    String collection = "/api/v1/namespaces/" + namespace + "/configmaps";
    return name == null ? collection : collection + "/" + name;
  }

  private static String document(String name, String value, long revision) {
    String version = revision == 0 ? "" : ",\"resourceVersion\":\"" + revision + "\"";
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
        + name
        + "\""
        + version
        + "},\"data\":{\"value\":\""
        + value
        + "\"}}";
  }
}
