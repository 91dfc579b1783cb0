package io.pilothouse.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal blocking HTTP/1.1 client connection for the benchmark's hot loops: one keep-alive
 * {@link Socket} to the server, a request written as one byte buffer, the response read with
 * Content-Length or chunked framing, nothing else (no TLS, no redirects, no proxies, no HTTP/2, no
 * pipelining, no {@code Expect: 100-continue}).
 *
 * <p>Why: the benchmark runs on the same 2-core machine as the server, and {@link
 * java.net.http.HttpClient} spends about 0.9 ms of CPU per request (its selector thread, the
 * executor hand-offs, the reactive body publishers and subscribers); at 350 creates/s that is 30%
 * of a core the server does not get, so the client capped the figure it was measuring. A plain
 * socket read and write on the calling thread costs a small fraction of that. {@link Api} keeps the
 * JDK client for everything else (watch streams, cleanup, setup), and {@code --client jdk} brings
 * it back for the hot loops too, for comparison.
 *
 * <p>One connection per instance, and not thread-safe: use one per client thread (as {@link
 * Api#sendLean} does with a {@link ThreadLocal}). The connection is opened on the first request and
 * kept open; a {@code Connection: close} response (or a body delimited by the end of the stream)
 * closes it, and the next request opens a new one. When a reused connection turns out to have been
 * closed by the server while idle (the write fails, or the stream ends or is reset before the first
 * byte of the status line), the request is sent once more on a fresh connection. Timeouts: 10 s to
 * connect, 120 s for each read.
 */
final class RawHttp implements AutoCloseable {

  /** A response: the status code and the body decoded as UTF-8 (empty when there is none). */
  record Response(int statusCode, String body) {}

  static final int CONNECT_TIMEOUT_MILLIS = 10_000;
  static final int READ_TIMEOUT_MILLIS = 120_000;

  private final String host;
  private final int port;
  private final String basePath;
  private final String hostHeader;

  private Socket socket;
  private BufferedInputStream in;
  private BufferedOutputStream out;

  /** Requests answered on the current connection: a failure before the first is not retried. */
  private int served;

  /** Set by {@link #close()}: the owner of a pool of these may retire them from another thread. */
  private volatile boolean closed;

  /** A line of the status or header section, reused between lines. */
  private byte[] line = new byte[256];

  /**
   * A connection to {@code server}, {@code http://HOST:PORT} with an optional base path (the {@code
   * --server} URL); nothing is opened before the first request.
   */
  RawHttp(String server) {
    URI uri = URI.create(server);
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("not an http://HOST:PORT URL: " + server);
    }
    this.host = uri.getHost();
    this.port = uri.getPort() == -1 ? 80 : uri.getPort();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    this.hostHeader = "Host: " + (uri.getPort() == -1 ? host : host + ":" + port) + "\r\n";
  }

  /**
   * Sends one request and reads its whole response. {@code path} is appended to the server URL's
   * path (with its query, already encoded); {@code body}, when not null, is sent as JSON in UTF-8.
   */
  Response send(String method, String path, String body) throws IOException {
    byte[] request = request(method, path, body);
    boolean retried = false;
    while (true) {
      if (socket == null) {
        connect();
      }
      boolean reused = served > 0;
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        disconnect();
        if (reused && !retried) {
          retried = true;
          continue;
        }
        throw e;
      }
      boolean stale;
      IOException failure = null;
      try {
        // the first byte of the status line, or the end of a connection the server closed
        in.mark(1);
        stale = in.read() < 0;
        in.reset();
      } catch (SocketException e) {
        stale = true;
        failure = e;
      } catch (IOException e) {
        disconnect();
        throw e;
      }
      if (stale) {
        // closed (or reset) by the server before it answered: on a connection that was idle
        // since its last response, that is the server's idle timeout, and nothing was processed
        disconnect();
        if (reused && !retried) {
          retried = true;
          continue;
        }
        throw failure != null
            ? failure
            : new EOFException("connection closed by the server before the status line");
      }
      try {
        return readResponse(method);
      } catch (IOException | RuntimeException e) {
        disconnect();
        throw e;
      }
    }
  }

  /** Closes the connection; a later request opens a new one, but see {@link #isClosed()}. */
  @Override
  public void close() {
    closed = true;
    disconnect();
  }

  /** Whether {@link #close()} was called (not whether the server closed the connection). */
  boolean isClosed() {
    return closed;
  }

  /** The whole request, head and body, as one buffer: one write and one flush per request. */
  private byte[] request(String method, String path, String body) {
    byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(200 + path.length());
    head.append(method).append(' ').append(basePath).append(path).append(" HTTP/1.1\r\n");
    head.append(hostHeader).append("Accept: application/json\r\n");
    if (content != null) {
      head.append("Content-Type: application/json\r\n");
    }
    if (content != null || requiresLength(method)) {
      head.append("Content-Length: ").append(content == null ? 0 : content.length).append("\r\n");
    }
    head.append("\r\n");
    // the head is ASCII (the path comes already encoded)
    byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    if (content == null) {
      return start;
    }
    byte[] request = Arrays.copyOf(start, start.length + content.length);
    System.arraycopy(content, 0, request, start.length, content.length);
    return request;
  }

  /** Methods that carry a body by definition: an empty one is sent as Content-Length: 0. */
  private static boolean requiresLength(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
      s.setSoTimeout(READ_TIMEOUT_MILLIS);
      in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
      out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
    socket = s;
    served = 0;
  }

  private void disconnect() {
    Socket s = socket;
    socket = null;
    in = null;
    out = null;
    served = 0;
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // nothing to do: the connection is gone either way
      }
    }
  }

  /** Reads the status line, the headers and the body, then keeps or drops the connection. */
  private Response readResponse(String method) throws IOException {
    String status = readLine();
    while (true) {
      int code = statusCode(status);
      long contentLength = -1;
      boolean chunked = false;
      boolean close = status.startsWith("HTTP/1.0");
      for (String header = readLine(); !header.isEmpty(); header = readLine()) {
        int colon = header.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String value = header.substring(colon + 1).trim();
        if (is(header, colon, "Content-Length")) {
          contentLength = Long.parseLong(value);
        } else if (is(header, colon, "Transfer-Encoding")) {
          chunked = hasToken(value, "chunked");
        } else if (is(header, colon, "Connection")) {
          if (hasToken(value, "close")) {
            close = true;
          } else if (hasToken(value, "keep-alive")) {
            close = false;
          }
        }
      }
      if (code / 100 == 1) {
        // an interim response (100 Continue, 103 Early Hints): the final one follows
        status = readLine();
        continue;
      }
      String body;
      if (method.equals("HEAD") || code == 204 || code == 304) {
        body = "";
      } else if (chunked) {
        body = readChunked();
      } else if (contentLength >= 0) {
        body = readFixed(contentLength);
      } else {
        // neither length nor chunks: the body ends with the connection
        body = readToEnd();
        close = true;
      }
      if (close) {
        disconnect();
      } else {
        served++;
      }
      return new Response(code, body);
    }
  }

  private static int statusCode(String status) throws IOException {
    // HTTP/1.1 201 Created
    int space = status.indexOf(' ');
    if (!status.startsWith("HTTP/") || space < 0 || status.length() < space + 4) {
      throw new IOException("not an HTTP status line: " + Api.abbreviate(status));
    }
    try {
      return Integer.parseInt(status.substring(space + 1, space + 4));
    } catch (NumberFormatException e) {
      throw new IOException("not an HTTP status line: " + Api.abbreviate(status), e);
    }
  }

  private static boolean is(String header, int colon, String name) {
    return colon == name.length() && header.regionMatches(true, 0, name, 0, colon);
  }

  private static boolean hasToken(String value, String token) {
    for (String part : value.split(",")) {
      if (part.trim().equalsIgnoreCase(token)) {
        return true;
      }
    }
    return false;
  }

  /**
   * One line of the status or header section (or of the chunk framing) without its CR LF, as
   * ISO-8859-1; throws {@link EOFException} if the stream ends first.
   */
  private String readLine() throws IOException {
    InputStream input = in;
    int length = 0;
    while (true) {
      int b = input.read();
      if (b < 0) {
        throw new EOFException(
            length == 0 ? "connection closed by the server" : "connection closed mid-line");
      }
      if (b == '\n') {
        break;
      }
      if (length == line.length) {
        if (length >= 64 * 1024) {
          throw new IOException("response line longer than 64 KiB");
        }
        line = Arrays.copyOf(line, length * 2);
      }
      line[length++] = (byte) b;
    }
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return new String(line, 0, length, StandardCharsets.ISO_8859_1);
  }

  private String readFixed(long contentLength) throws IOException {
    if (contentLength > Integer.MAX_VALUE - 16) {
      throw new IOException("response body too large: " + contentLength);
    }
    byte[] body = new byte[(int) contentLength];
    readFully(body, 0, body.length);
    return new String(body, StandardCharsets.UTF_8);
  }

  private String readChunked() throws IOException {
    byte[] body = new byte[8 * 1024];
    int length = 0;
    while (true) {
      String sizeLine = readLine();
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
      int size;
      try {
        size = Integer.parseInt(hex, 16);
      } catch (NumberFormatException e) {
        throw new IOException("bad chunk size: " + Api.abbreviate(sizeLine), e);
      }
      if (size < 0) {
        throw new IOException("bad chunk size: " + Api.abbreviate(sizeLine));
      }
      if (size == 0) {
        // the trailer section, ignored, up to the empty line
        while (!readLine().isEmpty()) {
          // skip
        }
        return new String(body, 0, length, StandardCharsets.UTF_8);
      }
      if (body.length - length < size) {
        body = Arrays.copyOf(body, Math.max(body.length * 2, length + size));
      }
      readFully(body, length, size);
      length += size;
      if (!readLine().isEmpty()) {
        throw new IOException("no CRLF after a chunk");
      }
    }
  }

  private String readToEnd() throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private void readFully(byte[] buffer, int offset, int length) throws IOException {
    while (length > 0) {
      int n = in.read(buffer, offset, length);
      if (n < 0) {
        throw new EOFException("connection closed in the response body");
      }
      offset += n;
      length -= n;
    }
  }

  @Override
  public String toString() {
    return "RawHttp[" + host + ":" + port + (socket == null ? ", idle" : ", connected") + "]";
  }
}
