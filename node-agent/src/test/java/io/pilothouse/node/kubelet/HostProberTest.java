package io.pilothouse.node.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.pilothouse.node.testing.FakeRuntime;
import io.pilothouse.node.testing.MutableClock;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** httpGet and tcpSocket probes against a real server on a pod-like loopback address. */
class HostProberTest {

  static final String POD_IP = "127.244.0.2";
  HttpServer server;
  HostProber prober = new HostProber(new FakeRuntime(MutableClock.at("2026-01-01T00:00:00Z")));
  Container container =
      new ContainerBuilder()
          .withName("web")
          .addNewPort()
          .withName("http")
          .withContainerPort(0)
          .endPort()
          .build();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(POD_IP, 0), 10);
    server.createContext(
        "/ok",
        ex -> {
          ex.sendResponseHeaders(ex.getRequestHeaders().containsKey("X-Check") ? 204 : 302, -1);
          ex.close();
        });
    server.createContext(
        "/broken",
        ex -> {
          ex.sendResponseHeaders(500, -1);
          ex.close();
        });
    server.start();
    container.getPorts().get(0).setContainerPort(server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ProbeResult probe(Probe p) {
    return prober.probe(p, new Prober.Target(POD_IP, container, "web-0"), Duration.ofSeconds(1));
  }

  @Test
  void httpGetPassesOn2xxAnd3xxOnTheNamedPortAndFailsOtherwise() {
    assertThat(
            probe(
                    new ProbeBuilder()
                        .withNewHttpGet()
                        .withPath("/ok")
                        .withNewPort("http")
                        .endHttpGet()
                        .build())
                .success())
        .isTrue();
    assertThat(
            probe(
                    new ProbeBuilder()
                        .withNewHttpGet()
                        .withPath("/ok")
                        .withNewPort("http")
                        .addNewHttpHeader()
                        .withName("X-Check")
                        .withValue("1")
                        .endHttpHeader()
                        .endHttpGet()
                        .build())
                .success())
        .isTrue();
    ProbeResult broken =
        probe(
            new ProbeBuilder()
                .withNewHttpGet()
                .withPath("/broken")
                .withNewPort("http")
                .endHttpGet()
                .build());
    assertThat(broken.success()).isFalse();
    assertThat(broken.message()).isEqualTo("HTTP probe failed with statuscode: 500");
  }

  @Test
  void tcpSocketPassesWhenSomethingListens() {
    int port = server.getAddress().getPort();
    assertThat(
            probe(new ProbeBuilder().withNewTcpSocket().withNewPort(port).endTcpSocket().build())
                .success())
        .isTrue();
    server.stop(0);
    assertThat(
            probe(new ProbeBuilder().withNewTcpSocket().withNewPort(port).endTcpSocket().build())
                .success())
        .isFalse();
  }
}
