package io.pilothouse.node.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Copies a container's stdout and stderr into its log file in the CRI logging format that the
 * kubelet serves ({@code <RFC3339Nano> <stream> <F|P> <line>}), one thread per stream, stamping
 * each line when it is read. Lines longer than 16 KiB are split into partial ({@code P}) records.
 */
final class ContainerLogPump {

  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final int MAX_LINE = 16 * 1024;

  private final OutputStream file;
  private final Clock clock;
  private final Thread stdout;
  private final Thread stderr;

  ContainerLogPump(Process process, OutputStream file, Clock clock, String name) {
    this.file = file;
    this.clock = clock;
    this.stdout = pump(process.getInputStream(), "stdout", name);
    this.stderr = pump(process.getErrorStream(), "stderr", name);
  }

  private Thread pump(InputStream in, String stream, String name) {
    Thread thread = new Thread(() -> copy(in, stream), "log-" + stream + "-" + name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Waits until both streams reached end-of-file, then closes the log file. */
  void awaitEnd(long millis) {
    try {
      stdout.join(millis);
      stderr.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      file.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  private void copy(InputStream in, String stream) {
    byte[] buffer = new byte[8192];
    byte[] line = new byte[MAX_LINE];
    int length = 0;
    try (in) {
      int read;
      while ((read = in.read(buffer)) > 0) {
        for (int i = 0; i < read; i++) {
          byte b = buffer[i];
          if (b == '\n') {
            write(stream, "F", line, length);
            length = 0;
          } else {
            if (length == MAX_LINE) {
              write(stream, "P", line, length);
              length = 0;
            }
            line[length++] = b;
          }
        }
      }
      if (length > 0) {
        write(stream, "F", line, length);
      }
    } catch (IOException ignored) {
      // the process is gone or the file was closed: nothing more to copy
    }
  }

  private void write(String stream, String tag, byte[] line, int length) throws IOException {
    byte[] prefix =
        (TIMESTAMP.format(clock.instant()) + " " + stream + " " + tag + " ")
            .getBytes(StandardCharsets.UTF_8);
    byte[] record = new byte[prefix.length + length + 1];
    System.arraycopy(prefix, 0, record, 0, prefix.length);
    System.arraycopy(line, 0, record, prefix.length, length);
    record[record.length - 1] = '\n';
    synchronized (file) {
      file.write(record);
      file.flush();
    }
  }
}
