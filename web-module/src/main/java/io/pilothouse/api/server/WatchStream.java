package io.pilothouse.api.server;

import io.pilothouse.json.KubernetesJson;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.watch.Watch;
import io.pilothouse.watch.WatchEvent;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams a watch to the client as kube-apiserver does: one JSON {@code {"type","object"}} per
 * line, flushed per event, {@code BOOKMARK}s when asked for (carrying the revision up to which the
 * watch has seen every write, including those it filtered out, so that a quiet watch resumes
 * without relisting), ended after {@code timeoutSeconds} (or a randomized 30–60 minutes) or when
 * the client goes away.
 */
public final class WatchStream implements StreamingOutput {

  private static final long DEFAULT_BOOKMARK_INTERVAL_MILLIS = 10_000;
  private static final long POLL_MILLIS = 1_000;
  private static final Logger LOG = Logger.getLogger(WatchStream.class.getName());

  private final ResourceType type;
  private final Watch watch;
  private final EventEncoder encoder;
  private final boolean bookmarks;
  private final long deadline;
  private long bookmarkIntervalMillis = DEFAULT_BOOKMARK_INTERVAL_MILLIS;
  private long lastRevision;
  private boolean sentAny;
  private jakarta.servlet.http.HttpServletResponse servletResponse;

  /** Turns an event's object into what the client asked for (the object, or a Table row). */
  public interface EventEncoder {
    ObjectNode encode(ObjectNode object, boolean first);
  }

  public WatchStream(
      ResourceType type,
      Watch watch,
      EventEncoder encoder,
      boolean bookmarks,
      Integer timeoutSeconds) {
    this.type = type;
    this.watch = watch;
    this.encoder = encoder;
    this.bookmarks = bookmarks;
    long timeoutMillis =
        timeoutSeconds != null && timeoutSeconds > 0
            ? timeoutSeconds * 1000L
            : ThreadLocalRandom.current().nextLong(1_800_000, 3_600_000);
    this.deadline = System.currentTimeMillis() + timeoutMillis;
  }

  /** How often a quiet watch gets a BOOKMARK (when it asked for them). */
  public WatchStream bookmarkEvery(java.time.Duration interval) {
    this.bookmarkIntervalMillis = Math.max(1, interval.toMillis());
    return this;
  }

  /**
   * Streams through the servlet response itself: Jersey's own output stream buffers a whole
   * response to compute its length, which would hold every event back until the watch ends.
   */
  public WatchStream through(jakarta.servlet.http.HttpServletResponse response) {
    this.servletResponse = response;
    return this;
  }

  @Override
  public void write(OutputStream jerseyOut) throws IOException {
    OutputStream out = jerseyOut;
    if (servletResponse != null) {
      servletResponse.setStatus(200);
      servletResponse.setContentType("application/json");
      out = new FlushingOutputStream(servletResponse);
    }
    try (watch) {
      out.flush();
      stream(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException clientGone) {
      // the client closed the connection: nothing to report, the watch is closed above
      LOG.fine(() -> "watch client went away: " + clientGone);
    }
  }

  private void stream(OutputStream out) throws IOException, InterruptedException {
    long nextBookmark = System.currentTimeMillis() + bookmarkIntervalMillis;
    while (!watch.ended()) {
      long now = System.currentTimeMillis();
      if (now >= deadline) {
        return;
      }
      // read before polling: if the poll finds nothing, every event up to it was sent
      long progress = watch.progress();
      WatchEvent event = watch.poll(Math.min(POLL_MILLIS, deadline - now), TimeUnit.MILLISECONDS);
      if (event != null) {
        send(out, event.type(), encoder.encode(event.object(), lastRevision == 0 && !sentAny));
        sentAny = true;
        lastRevision = Math.max(lastRevision, event.revision());
      } else if (bookmarks && now >= nextBookmark && progress > 0) {
        send(out, "BOOKMARK", bookmark(Math.max(progress, lastRevision)));
        nextBookmark = now + bookmarkIntervalMillis;
      } else {
        // sends nothing, but fails once the client has gone, so a quiet watch does not linger
        out.flush();
      }
    }
  }

  private ObjectNode bookmark(long revision) {
    ObjectNode object = KubernetesJson.mapper().createObjectNode();
    object.put("kind", type.kind());
    object.put("apiVersion", type.apiVersion());
    object.putObject("metadata").put("resourceVersion", Long.toString(revision));
    return object;
  }

  private static void send(OutputStream out, String type, ObjectNode object) throws IOException {
    ObjectNode event = KubernetesJson.mapper().createObjectNode();
    event.put("type", type);
    event.set("object", object);
    out.write(KubernetesJson.mapper().writeValueAsString(event).getBytes(StandardCharsets.UTF_8));
    out.write('\n');
    out.flush();
  }
}
