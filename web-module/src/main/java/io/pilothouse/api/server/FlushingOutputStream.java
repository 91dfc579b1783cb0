package io.pilothouse.api.server;

import jakarta.servlet.http.HttpServletResponse;
import java.io.FilterOutputStream;
import java.io.IOException;

/**
 * The servlet response's own output stream, pushed to the client (chunked) on every flush: for
 * streamed answers (watches, followed logs), since Jersey's output stream buffers a whole response
 * to compute its length.
 */
final class FlushingOutputStream extends FilterOutputStream {

  private final HttpServletResponse response;

  FlushingOutputStream(HttpServletResponse response) throws IOException {
    super(response.getOutputStream());
    this.response = response;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    out.write(bytes, offset, length);
  }

  @Override
  public void flush() throws IOException {
    out.flush();
    response.flushBuffer();
  }
}
