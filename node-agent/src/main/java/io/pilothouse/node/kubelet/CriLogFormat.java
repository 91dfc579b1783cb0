package io.pilothouse.node.kubelet;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One record of a container log file in the CRI format ({@code <RFC3339Nano> <stream> <F|P>
 * <content>}), and how the kubelet renders it for {@code kubectl logs}.
 */
record CriLogFormat(
    Instant time, String timestamp, String stream, boolean partial, String content) {

  static CriLogFormat parse(String line) {
    int a = line.indexOf(' ');
    int b = a < 0 ? -1 : line.indexOf(' ', a + 1);
    int c = b < 0 ? -1 : line.indexOf(' ', b + 1);
    if (c < 0) {
      return new CriLogFormat(null, null, "stdout", false, line);
    }
    String ts = line.substring(0, a);
    try {
      Instant time = Instant.parse(ts);
      String tag = line.substring(b + 1, c);
      return new CriLogFormat(
          time, ts, line.substring(a + 1, b), "P".equals(tag), line.substring(c + 1));
    } catch (DateTimeParseException e) {
      return new CriLogFormat(null, null, "stdout", false, line);
    }
  }

  /** The bytes {@code kubectl logs} shows for this record. */
  byte[] render(boolean timestamps, boolean lineStart) {
    StringBuilder out = new StringBuilder();
    if (timestamps && lineStart && timestamp != null) {
      out.append(timestamp).append(' ');
    }
    out.append(content);
    if (!partial) {
      out.append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
