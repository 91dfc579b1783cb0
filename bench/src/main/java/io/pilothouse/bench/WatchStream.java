package io.pilothouse.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A raw HTTP watch of a collection, read on a daemon thread: each line is time-stamped (monotonic
 * and wall clock) the moment it is read, before it is parsed, then handed to the listener. It
 * starts at the collection's resourceVersion from a LIST, resumes from the last resourceVersion
 * seen when the server ends the stream, and lists again after an ERROR event (410 Expired).
 */
final class WatchStream {

  /** One event line: when it was read, and the parsed event. */
  interface Listener {
    void event(long readNanos, Instant readAt, String type, JsonNode object);
  }

  private final Api api;
  private final String collection;
  private final Listener listener;
  private volatile boolean stopped;
  private volatile long lines;
  private volatile int reconnects;
  private Thread thread;

  WatchStream(Api api, String collection, Listener listener) {
    this.api = api;
    this.collection = collection;
    this.listener = listener;
  }

  /** Lists once (so the watch starts now) and starts the reader thread. */
  WatchStream start() {
    String rv = listRevision();
    thread = new Thread(() -> loop(rv), "bench-watch " + collection);
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  String listRevision() {
    String sep = collection.contains("?") ? "&" : "?";
    return api.json("GET", collection + sep + "limit=1", null)
        .path("metadata")
        .path("resourceVersion")
        .asString();
  }

  long lines() {
    return lines;
  }

  int reconnects() {
    return reconnects;
  }

  void stop() {
    stopped = true;
  }

  private void loop(String startRevision) {
    String rv = startRevision;
    String sep = collection.contains("?") ? "&" : "?";
    while (!stopped) {
      String path =
          collection
              + sep
              + "watch=true&allowWatchBookmarks=true&timeoutSeconds=3600&resourceVersion="
              + rv;
      try (InputStream stream = api.stream(path);
          BufferedReader in =
              new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String line;
        while (!stopped && (line = in.readLine()) != null) {
          long nanos = System.nanoTime();
          Instant at = Instant.now();
          lines++;
          JsonNode event = Api.JSON.readTree(line);
          String type = event.path("type").asString("");
          JsonNode object = event.path("object");
          if (type.equals("ERROR")) {
            System.out.println("  watch " + collection + ": ERROR event " + object);
            rv = listRevision();
            break;
          }
          String seen = object.path("metadata").path("resourceVersion").asString("");
          if (!seen.isEmpty()) {
            rv = seen;
          }
          if (!type.equals("BOOKMARK")) {
            listener.event(nanos, at, type, object);
          }
        }
      } catch (Exception e) {
        if (stopped) {
          return;
        }
        System.out.println("  watch " + collection + " ended: " + e);
        sleep(1000);
      }
      if (!stopped) {
        reconnects++;
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
