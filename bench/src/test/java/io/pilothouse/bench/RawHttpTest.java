package io.pilothouse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RawHttp} against the JDK's HttpServer, and against a hand-written one for the edges. */
class RawHttpTest {

  private HttpServer server;
  private String url;

  /** The client port of every exchange: one per connection the server accepted. */
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

  private final List<String> requestHeaders = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/echo",
        exchange -> {
          clientPorts.add(exchange.getRemoteAddress().getPort());
          requestHeaders.add(
              exchange.getRequestHeaders().getFirst("Content-Type")
                  + " "
                  + exchange.getRequestHeaders().getFirst("Accept"));
          byte[] body = exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(201, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.createContext(
        "/chunked",
        exchange -> {
          clientPorts.add(exchange.getRemoteAddress().getPort());
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 2000; i++) {
              out.write(line(i).getBytes(StandardCharsets.UTF_8));
              if (i % 100 == 0) {
                out.flush();
              }
            }
          }
        });
    server.createContext(
        "/port",
        exchange -> {
          clientPorts.add(exchange.getRemoteAddress().getPort());
          respond(exchange, 200, Integer.toString(exchange.getRemoteAddress().getPort()));
        });
    server.createContext(
        "/close",
        exchange -> {
          clientPorts.add(exchange.getRemoteAddress().getPort());
          exchange.getResponseHeaders().set("Connection", "close");
          respond(exchange, 200, Integer.toString(exchange.getRemoteAddress().getPort()));
        });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String line(int i) {
    return "{\"type\":\"ADDED\",\"n\":" + i + ",\"text\":\"grüße €\"}\n";
  }

  @Test
  void postGetsItsStatusAndTheBodyEchoed() throws IOException {
    String body = "{\"metadata\":{\"name\":\"p-1\",\"annotations\":{\"x\":\"grüße € ✓\"}}}";
    try (RawHttp http = new RawHttp(url)) {
      RawHttp.Response response = http.send("POST", "/echo", body);
      assertEquals(201, response.statusCode());
      assertEquals(body, response.body());
    }
    assertEquals(List.of("application/json application/json"), requestHeaders);
  }

  @Test
  void chunkedResponseIsReadFully() throws IOException {
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      expected.append(line(i));
    }
    try (RawHttp http = new RawHttp(url)) {
      RawHttp.Response response = http.send("GET", "/chunked", null);
      assertEquals(200, response.statusCode());
      assertEquals(expected.toString(), response.body());
      // the framing ended where it should: the connection serves the next request
      assertEquals("x", http.send("POST", "/echo", "x").body());
    }
    assertEquals(1, clientPorts.size());
  }

  @Test
  void requestsReuseOneConnection() throws IOException {
    try (RawHttp http = new RawHttp(url)) {
      for (int i = 0; i < 10; i++) {
        assertEquals(200, http.send("GET", "/port", null).statusCode());
        assertEquals("b" + i, http.send("PUT", "/echo", "b" + i).body());
        assertEquals("", http.send("POST", "/echo", null).body());
      }
    }
    assertEquals(1, clientPorts.size(), "connections: " + clientPorts);
  }

  @Test
  void reconnectsAfterTheServerClosesTheConnection() throws IOException {
    try (RawHttp http = new RawHttp(url)) {
      String first = http.send("GET", "/port", null).body();
      assertEquals(first, http.send("GET", "/close", null).body());
      String second = http.send("GET", "/port", null).body();
      assertNotEquals(first, second);
      assertEquals(second, http.send("GET", "/port", null).body());
    }
    assertEquals(2, clientPorts.size(), "connections: " + clientPorts);
  }

  /**
   * A connection the server closed while idle, without saying so in its last response (its idle
   * timeout): the next request is sent again on a new connection. A fresh connection that fails is
   * not retried. The second response is chunked with an extension and a trailer.
   */
  @Test
  void retriesOnceOnAConnectionClosedWhileIdle() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AtomicInteger accepted = new AtomicInteger();
      List<String> requests = new CopyOnWriteArrayList<>();
      Thread serverThread =
          new Thread(
              () -> {
                try {
                  try (Socket c = listener.accept()) {
                    accepted.incrementAndGet();
                    requests.add(readRequest(c.getInputStream()));
                    c.getOutputStream()
                        .write(
                            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                                .getBytes(StandardCharsets.ISO_8859_1));
                  } // closed without Connection: close
                  try (Socket c = listener.accept()) {
                    accepted.incrementAndGet();
                    requests.add(readRequest(c.getInputStream()));
                    c.getOutputStream()
                        .write(
                            ("HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
                                    + "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                    c.getInputStream().read(); // until the client closes
                  }
                  listener.accept().close(); // a fresh connection closed at once
                  accepted.incrementAndGet();
                } catch (IOException e) {
                  requests.add("server failed: " + e);
                }
              });
      serverThread.start();
      RawHttp http = new RawHttp("http://127.0.0.1:" + listener.getLocalPort());
      assertEquals("ok", http.send("GET", "/a", null).body());
      Thread.sleep(200); // the FIN arrives
      RawHttp.Response response = http.send("POST", "/b", "{}");
      assertEquals(201, response.statusCode());
      assertEquals("abcde", response.body());
      http.close();
      assertThrows(EOFException.class, () -> http.send("GET", "/c", null));
      http.close();
      serverThread.join(10_000);
      assertEquals(3, accepted.get());
      assertEquals(List.of("GET /a HTTP/1.1 ", "POST /b HTTP/1.1 {}"), requests);
    }
  }

  /** The request line and the body, read by Content-Length. */
  private static String readRequest(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
        line.reset();
        if (text.isEmpty()) {
          break;
        }
        lines.add(text);
      } else {
        line.write(b);
      }
    }
    int length = 0;
    for (String header : lines) {
      if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(header.substring(15).trim());
      }
    }
    return lines.get(0) + " " + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
