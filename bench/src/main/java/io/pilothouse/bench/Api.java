package io.pilothouse.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A thin Kubernetes REST client for the benchmark: one {@link HttpClient} speaking HTTP/1.1 with
 * keep-alive (the JDK pools one connection per concurrent caller), JSON bodies as strings, and the
 * few namespace chores the scenarios need (create, empty with deletecollection, delete, finalize).
 */
final class Api {

  static final ObjectMapper JSON = JsonMapper.builder().build();

  private final String server;
  private final HttpClient client;

  Api(String server) {
    this.server = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  String server() {
    return server;
  }

  /** One request; returns the response (status and body), throws on I/O failure. */
  HttpResponse<String> send(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server + path))
            .timeout(Duration.ofSeconds(120))
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + method + " " + path, e);
    }
  }

  /** A request that must answer 2xx; returns the body. */
  String call(String method, String path, String body) {
    HttpResponse<String> response = send(method, path, body);
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          method
              + " "
              + path
              + " -> "
              + response.statusCode()
              + ": "
              + abbreviate(response.body()));
    }
    return response.body();
  }

  /** Opens a streaming GET (a watch); the caller reads and closes the stream. */
  InputStream stream(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server + path))
            .header("Accept", "application/json")
            .build();
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        response.body().close();
        throw new IllegalStateException("GET " + path + " -> " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode json(String method, String path, String body) {
    return JSON.readTree(call(method, path, body));
  }

  void createNamespace(String name) {
    call(
        "POST",
        "/api/v1/namespaces",
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}");
  }

  /**
   * Empties a namespace with deletecollection of the given resources, then deletes it and clears
   * its {@code kubernetes} finalizer (there is no namespace controller yet, so it would otherwise
   * stay Terminating). Failures are reported, never thrown: cleanup must not hide the figures.
   */
  void deleteNamespace(String name, String... resources) {
    long start = System.nanoTime();
    for (String resource : resources) {
      HttpResponse<String> r = send("DELETE", "/api/v1/namespaces/" + name + "/" + resource, null);
      if (r.statusCode() / 100 != 2) {
        System.out.printf(
            "  cleanup: deletecollection %s in %s -> %d%n", resource, name, r.statusCode());
      }
    }
    System.out.printf(
        "  cleanup: %d deletecollection calls in %s took %.1f s%n",
        resources.length, name, (System.nanoTime() - start) / 1e9);
    HttpResponse<String> r = send("DELETE", "/api/v1/namespaces/" + name, null);
    if (r.statusCode() / 100 != 2 && r.statusCode() != 404) {
      System.out.printf("  cleanup: delete namespace %s -> %d%n", name, r.statusCode());
      return;
    }
    r =
        send(
            "PUT",
            "/api/v1/namespaces/" + name + "/finalize",
            "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
                + name
                + "\"},\"spec\":{\"finalizers\":[]}}");
    r = send("GET", "/api/v1/namespaces/" + name, null);
    System.out.printf(
        "  cleanup: namespace %s %s%n",
        name, r.statusCode() == 404 ? "deleted" : "still present (" + r.statusCode() + ")");
  }

  static String abbreviate(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
