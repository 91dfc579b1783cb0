package io.pilothouse.node.kubelet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Renders a CRI log file for a client: skips records before {@code since}, keeps the last {@code
 * tailLines}, adds timestamps on request, stops at {@code limitBytes}, and with {@code follow}
 * keeps sending new records until the container stops and its file is drained.
 */
final class LogStreamer {

  private static final long POLL_MILLIS = 100;

  private final LogLocator.LogFile file;
  private final LogRequest request;
  private long written;
  private boolean lineStart = true;

  LogStreamer(LogLocator.LogFile file, LogRequest request) {
    this.file = file;
    this.request = request;
  }

  void copyTo(OutputStream out) throws IOException {
    if (!Files.exists(file.path())) {
      return;
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.path().toFile(), "r")) {
      Lines lines = new Lines(raf);
      Deque<java.util.List<String>> tail = new ArrayDeque<>();
      java.util.List<String> group = new java.util.ArrayList<>();
      String line;
      while ((line = lines.next()) != null) {
        group.add(line);
        if (!CriLogFormat.parse(line).partial()) {
          tail.addLast(group);
          group = new java.util.ArrayList<>();
          if (request.tailLines() != null && tail.size() > Math.max(0, request.tailLines())) {
            tail.removeFirst();
          }
        }
      }
      if (!group.isEmpty()) {
        tail.addLast(group);
      }
      for (java.util.List<String> records : tail) {
        for (String l : records) {
          if (!emit(out, l)) {
            return;
          }
        }
      }
      out.flush();
      if (request.follow()) {
        follow(lines, out);
      }
    }
  }

  private void follow(Lines lines, OutputStream out) throws IOException {
    while (true) {
      boolean active = file.active().getAsBoolean();
      String line;
      boolean any = false;
      while ((line = lines.next()) != null) {
        any = true;
        if (!emit(out, line)) {
          return;
        }
      }
      if (any) {
        out.flush();
      } else if (!active) {
        return;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Writes one record; false once limitBytes is reached. */
  private boolean emit(OutputStream out, String line) throws IOException {
    CriLogFormat record = CriLogFormat.parse(line);
    if (request.since() != null
        && record.time() != null
        && record.time().isBefore(request.since())) {
      return true;
    }
    byte[] bytes = record.render(request.timestamps(), lineStart);
    lineStart = !record.partial();
    if (request.limitBytes() != null && written + bytes.length > request.limitBytes()) {
      out.write(bytes, 0, (int) (request.limitBytes() - written));
      written = request.limitBytes();
      return false;
    }
    out.write(bytes);
    written += bytes.length;
    return true;
  }

  /** Buffered reading of complete lines from a file that may still grow. */
  private static final class Lines {
    private final RandomAccessFile raf;
    private final byte[] chunk = new byte[65536];
    private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
    private int pos;
    private int len;

    Lines(RandomAccessFile raf) {
      this.raf = raf;
    }

    /** The next complete line (without its newline), or null when none is complete yet. */
    String next() throws IOException {
      while (true) {
        while (pos < len) {
          byte b = chunk[pos++];
          if (b == '\n') {
            String line = pending.toString(StandardCharsets.UTF_8);
            pending.reset();
            return line;
          }
          pending.write(b);
        }
        len = raf.read(chunk);
        pos = 0;
        if (len <= 0) {
          len = 0;
          return null;
        }
      }
    }
  }
}
