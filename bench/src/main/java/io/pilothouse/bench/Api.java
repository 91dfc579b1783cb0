package io.pilothouse.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A thin Kubernetes REST client for the benchmark: one {@link HttpClient} speaking HTTP/1.1 with
 * keep-alive (the JDK pools one connection per concurrent caller), JSON bodies as strings, and the
 * few namespace chores the scenarios need (create, empty with deletecollection, delete, finalize).
 *
 * <p>The measured loops send through {@link #sendLean} and {@link #callLean} instead: by default
 * ({@code --client raw}) a {@link RawHttp} connection per calling thread, which costs the shared
 * 2-core machine far less CPU per request than the JDK client; {@code --client jdk} sends them
 * through the JDK client as well, for comparison.
 */
final class Api {

  static final ObjectMapper JSON = JsonMapper.builder().build();

  /** The {@code --client} values: the client of the measured loops. */
  static final String RAW = "raw";

  static final String JDK = "jdk";

  private final String server;
  private final HttpClient client;
  private final boolean raw;

  /** Each thread's lean connection, and all of them, to close when a measured loop ends. */
  private final ThreadLocal<RawHttp> lean = new ThreadLocal<>();

  private final Queue<RawHttp> leanConnections = new ConcurrentLinkedQueue<>();

  Api(String server) {
    this(server, RAW);
  }

  /** {@code leanClient}: {@link #RAW} or {@link #JDK}, the client of {@link #sendLean}. */
  Api(String server, String leanClient) {
    if (!leanClient.equals(RAW) && !leanClient.equals(JDK)) {
      throw new IllegalArgumentException("--client is raw or jdk, not " + leanClient);
    }
    this.raw = leanClient.equals(RAW);
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

  /** The client of the measured loops, as {@code --client} names it. */
  String leanClient() {
    return raw ? RAW : JDK;
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
    return success(method, path, response.statusCode(), response.body());
  }

  /**
   * One plain request/response for a measured loop: through this thread's {@link RawHttp}
   * connection (opened on first use), or through the JDK client with {@code --client jdk}. Throws
   * on I/O failure.
   */
  RawHttp.Response sendLean(String method, String path, String body) {
    if (!raw) {
      HttpResponse<String> response = send(method, path, body);
      return new RawHttp.Response(response.statusCode(), response.body());
    }
    RawHttp connection = lean.get();
    if (connection == null || connection.isClosed()) {
      connection = new RawHttp(server);
      lean.set(connection);
      leanConnections.add(connection);
    }
    try {
      return connection.send(method, path, body);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + ": " + e, e);
    }
  }

  /** {@link #sendLean} that must answer 2xx; returns the body. */
  String callLean(String method, String path, String body) {
    RawHttp.Response response = sendLean(method, path, body);
    return success(method, path, response.statusCode(), response.body());
  }

  /**
   * Closes every thread's lean connection, once a measured loop is over (its pool's threads end,
   * and their connections would otherwise stay open on the server until its idle timeout). Only
   * when no {@link #sendLean} is in flight; a thread that sends again opens a new connection.
   */
  void closeLean() {
    for (RawHttp connection; (connection = leanConnections.poll()) != null; ) {
      connection.close();
    }
  }

  private static String success(String method, String path, int status, String body) {
    if (status / 100 != 2) {
      throw new IllegalStateException(
          method + " " + path + " -> " + status + ": " + abbreviate(body));
    }
    return body;
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
