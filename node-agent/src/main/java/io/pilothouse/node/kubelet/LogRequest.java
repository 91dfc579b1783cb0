package io.pilothouse.node.kubelet;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The query of {@code GET /containerLogs/…}: follow, tailLines, sinceSeconds, sinceTime,
 * timestamps, previous, limitBytes.
 */
record LogRequest(
    boolean follow,
    Integer tailLines,
    Instant since,
    boolean timestamps,
    boolean previous,
    Long limitBytes) {

  static LogRequest parse(String query, Instant now) {
    Map<String, String> q = new HashMap<>();
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "true" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        q.put(key, value);
      }
    }
    Instant since = null;
    if (q.containsKey("sinceSeconds")) {
      since = now.minusSeconds(Long.parseLong(q.get("sinceSeconds")));
    } else if (q.containsKey("sinceTime")) {
      since = Instant.parse(q.get("sinceTime"));
    }
    return new LogRequest(
        bool(q.get("follow")),
        q.containsKey("tailLines") ? Integer.valueOf(q.get("tailLines")) : null,
        since,
        bool(q.get("timestamps")),
        bool(q.get("previous")),
        q.containsKey("limitBytes") ? Long.valueOf(q.get("limitBytes")) : null);
  }

  private static boolean bool(String v) {
    return v != null && (v.isEmpty() || v.equalsIgnoreCase("true") || v.equals("1"));
  }
}
