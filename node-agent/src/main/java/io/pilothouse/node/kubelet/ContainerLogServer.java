package io.pilothouse.node.kubelet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * The kubelet's own HTTP server on the node IP, where the API server proxies {@code kubectl logs}:
 * {@code GET /containerLogs/{namespace}/{pod}/{container}} with follow, tailLines, sinceSeconds,
 * sinceTime, timestamps, previous and limitBytes (upstream's kubelet path and parameters), plus
 * {@code GET /healthz}.
 */
public final class ContainerLogServer {

  private static final Logger LOG = Logger.getLogger(ContainerLogServer.class.getName());

  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "kubelet-http");
            t.setDaemon(true);
            return t;
          });
  private final LogLocator locator;
  private final Clock clock;

  public ContainerLogServer(String address, int port, LogLocator locator, Clock clock)
      throws IOException {
    this.locator = locator;
    this.clock = clock;
    this.server = HttpServer.create(new InetSocketAddress(address, port), 64);
    server.createContext("/containerLogs/", this::containerLogs);
    server.createContext("/healthz", ex -> reply(ex, 200, "ok"));
    server.setExecutor(executor);
  }

  public void start() {
    server.start();
    LOG.fine("kubelet HTTP server on " + server.getAddress());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void containerLogs(HttpExchange ex) throws IOException {
    try (ex) {
      if (!"GET".equals(ex.getRequestMethod())) {
        reply(ex, 405, "method not allowed");
        return;
      }
      String[] parts =
          ex.getRequestURI().getPath().substring("/containerLogs/".length()).split("/");
      if (parts.length != 3) {
        reply(ex, 400, "expected /containerLogs/{namespace}/{pod}/{container}");
        return;
      }
      LogRequest request;
      try {
        request = LogRequest.parse(ex.getRequestURI().getRawQuery(), clock.instant());
      } catch (RuntimeException e) {
        reply(ex, 400, "bad query: " + e.getMessage());
        return;
      }
      LogLocator.LogFile file;
      try {
        file = locator.find(parts[0], parts[1], parts[2], request.previous()).orElse(null);
      } catch (LogLocator.LogNotFound e) {
        reply(ex, e.getMessage().contains("waiting to start") ? 400 : 404, e.getMessage());
        return;
      }
      ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      ex.sendResponseHeaders(200, 0);
      if (file != null) {
        new LogStreamer(file, request).copyTo(ex.getResponseBody());
      }
    } catch (IOException e) {
      LOG.fine("log client went away: " + e.getMessage());
    }
  }

  private static void reply(HttpExchange ex, int code, String message) throws IOException {
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    ex.sendResponseHeaders(code, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
