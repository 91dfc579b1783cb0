package io.pilothouse.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PodLogsCopyTest {

  @Test
  void copiesTheWholeLog() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PodLogs.copy(new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8)), out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a\nb\n");
  }

  @Test
  void aClientThatWentAwayEndsTheCopyQuietlyAndClosesTheKubeletsStream() throws Exception {
    boolean[] closed = {false};
    ByteArrayInputStream kubelet =
        new ByteArrayInputStream("line\n".getBytes(StandardCharsets.UTF_8)) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    OutputStream gone =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Connection is closed");
          }
        };
    PodLogs.copy(kubelet, gone);
    assertThat(closed[0]).isTrue();
  }
}
