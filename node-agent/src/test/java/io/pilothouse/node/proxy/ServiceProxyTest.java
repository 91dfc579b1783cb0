package io.pilothouse.node.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real TCP: two local servers behind a ClusterIP, round-robin, a closed one skipped. */
class ServiceProxyTest {

  static final String CLUSTER_IP = "127.96.0.77";
  final List<ServerSocket> servers = new ArrayList<>();
  final List<Service> services = new CopyOnWriteArrayList<>();
  final List<EndpointSlice> slices = new CopyOnWriteArrayList<>();
  final ServiceProxy proxy = new ServiceProxy(() -> services, () -> slices);

  @AfterEach
  void stop() throws IOException {
    proxy.stop();
    for (ServerSocket s : servers) {
      s.close();
    }
  }

  /** A server on ip that answers every connection with its name and closes. */
  private int server(String ip, String name, int port) throws IOException {
    ServerSocket s = new ServerSocket(port, 50, InetAddress.getByName(ip));
    servers.add(s);
    Thread t =
        new Thread(
            () -> {
              while (!s.isClosed()) {
                try (Socket c = s.accept();
                    OutputStream out = c.getOutputStream()) {
                  out.write(name.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
    return s.getLocalPort();
  }

  private static String call(String ip, int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(ip, port), 1000);
      s.setSoTimeout(2000);
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Service service(int nodePort) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName("web")
        .withNamespace("default")
        .endMetadata()
        .withNewSpec()
        .withType("NodePort")
        .withClusterIP(CLUSTER_IP)
        .addNewPort()
        .withName("http")
        .withPort(80)
        .withProtocol("TCP")
        .withNodePort(nodePort)
        .endPort()
        .endSpec()
        .build();
  }

  private static EndpointSlice slice(List<String[]> endpoints, int port) {
    EndpointSliceBuilder b =
        new EndpointSliceBuilder()
            .withNewMetadata()
            .withName("web-abc")
            .withNamespace("default")
            .addToLabels("kubernetes.io/service-name", "web")
            .endMetadata()
            .withAddressType("IPv4")
            .addNewPort()
            .withName("http")
            .withPort(port)
            .withProtocol("TCP")
            .endPort();
    for (String[] e : endpoints) {
      b.addNewEndpoint()
          .withAddresses(e[0])
          .withNewConditions()
          .withReady(Boolean.valueOf(e[1]))
          .endConditions()
          .endEndpoint();
    }
    return b.build();
  }

  @Test
  void forwardsRoundRobinSkipsAClosedEndpointAndFollowsChanges() throws Exception {
    int port = server("127.243.0.2", "a", 0);
    server("127.243.0.3", "b", port);
    services.add(service(30777));
    slices.add(
        slice(
            List.of(new String[] {"127.243.0.2", "true"}, new String[] {"127.243.0.3", "true"}),
            port));
    proxy.changed();
    await().atMost(Duration.ofSeconds(1)).until(() -> proxy.bound(CLUSTER_IP, 80));

    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      answers.add(call(CLUSTER_IP, 80));
    }
    assertThat(answers).containsOnly("a", "b").contains("a", "b");
    assertThat(answers.get(0)).isNotEqualTo(answers.get(1));
    assertThat(call("127.0.0.1", 30777)).isIn("a", "b");

    servers.get(servers.size() - 1).close();
    await()
        .atMost(Duration.ofSeconds(2))
        .ignoreExceptions()
        .until(
            () -> {
              try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.243.0.3", port), 200);
                return false;
              } catch (IOException e) {
                return true;
              }
            });
    for (int i = 0; i < 4; i++) {
      assertThat(call(CLUSTER_IP, 80)).isEqualTo("a");
    }

    long begin = System.nanoTime();
    slices.set(0, slice(List.<String[]>of(new String[] {"127.243.0.2", "false"}), port));
    proxy.changed();
    await().atMost(Duration.ofSeconds(1)).until(() -> proxy.endpoints(CLUSTER_IP, 80).isEmpty());
    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(1));
    assertThat(call(CLUSTER_IP, 80)).isEmpty();

    services.clear();
    proxy.changed();
    await().atMost(Duration.ofSeconds(1)).until(() -> !proxy.bound(CLUSTER_IP, 80));
  }

  @Test
  void anAddressAnotherProxyHoldsIsLeftAloneAndRetried() throws Exception {
    ServerSocket sibling = new ServerSocket(80, 50, InetAddress.getByName(CLUSTER_IP));
    servers.add(sibling);
    services.add(service(30778));
    slices.add(slice(List.<String[]>of(), 8080));
    proxy.reconcile();
    assertThat(proxy.bound(CLUSTER_IP, 80)).isFalse();
    sibling.close();
    proxy.reconcile();
    assertThat(proxy.bound(CLUSTER_IP, 80)).isTrue();
  }
}
