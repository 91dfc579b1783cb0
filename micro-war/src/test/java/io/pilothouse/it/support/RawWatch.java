package io.pilothouse.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A watch read line by line over plain HTTP/1.1, as {@code kubectl get -w} reads it, with a reader
 * thread that stamps each event with the time it arrived. For tests that count revisions, measure
 * delivery latency or expect a 410.
 */
public final class RawWatch implements AutoCloseable {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** One event: its type, the object's resourceVersion and name, and for ERROR the Status. */
  public record Event(
      String type, long revision, String name, int code, String reason, long receivedNanos) {}

  private final int status;
  private final String errorBody;
  private final InputStream body;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private volatile boolean ended;

  private RawWatch(HttpResponse<InputStream> response) throws IOException {
    this.status = response.statusCode();
    this.body = response.body();
    if (status != 200) {
      this.errorBody = new String(body.readAllBytes(), StandardCharsets.UTF_8);
      this.ended = true;
      return;
    }
    this.errorBody = null;
    Thread reader = new Thread(this::read, "raw-watch-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens {@code path} (with its query, e.g. {@code ?watch=1&resourceVersion=5}) on the server. */
  public static RawWatch open(URI root, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build();
    return new RawWatch(HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream()));
  }

  /** The HTTP status of the watch request. */
  public int status() {
    return status;
  }

  /** The body of a watch the server refused, or null. */
  public String errorBody() {
    return errorBody;
  }

  /** Whether the server ended the stream (or the watch was refused). */
  public boolean ended() {
    return ended;
  }

  /** The next event, or null if none came within the timeout. */
  public Event next(Duration timeout) throws InterruptedException {
    return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Events until {@code count} have come, the stream ended, or the timeout passed. */
  public List<Event> take(int count, Duration timeout) throws InterruptedException {
    List<Event> taken = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (taken.size() < count) {
      long left = deadline - System.nanoTime();
      Event event = events.poll(Math.min(left, 200_000_000L), TimeUnit.NANOSECONDS);
      if (event != null) {
        taken.add(event);
      } else if (left <= 0 || (ended && events.isEmpty())) {
        break;
      }
    }
    return taken;
  }

  /** The resourceVersions of events, in the order they came. */
  public static List<Long> revisions(java.util.Collection<Event> events) {
    return events.stream().map(Event::revision).toList();
  }

  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException ignored) {
      // the stream is going away anyway
    }
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank()) {
          events.add(parse(line, System.nanoTime()));
        }
      }
    } catch (IOException closed) {
      // closed by the client or the server
    } finally {
      ended = true;
    }
  }

  private static Event parse(String line, long received) {
    JsonNode event = MAPPER.readTree(line);
    JsonNode object = event.path("object");
    String rv = object.path("metadata").path("resourceVersion").asString("");
    return new Event(
        event.path("type").asString(),
        rv.isEmpty() ? 0 : Long.parseLong(rv),
        object.path("metadata").path("name").asString(null),
        object.path("code").asInt(0),
        object.path("reason").asString(null),
        received);
  }
}
