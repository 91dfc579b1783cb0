package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPHeader;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.pilothouse.node.runtime.ContainerRuntime;
import io.pilothouse.node.runtime.ExecResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

/**
 * Runs probes for real: exec through the runtime (in the container's environment), httpGet to the
 * pod IP (2xx and 3xx pass) and tcpSocket connects, each bounded by {@code timeoutSeconds}.
 */
public final class HostProber implements Prober {

  private final ContainerRuntime runtime;

  public HostProber(ContainerRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public ProbeResult probe(Probe probe, Target target, Duration timeout) {
    try {
      if (probe.getExec() != null) {
        ExecResult r =
            runtime.execSync(target.containerId(), probe.getExec().getCommand(), timeout);
        if (r.timedOut()) {
          return ProbeResult.failed("command timed out after " + timeout.toSeconds() + "s");
        }
        return r.exitCode() == 0
            ? ProbeResult.passed()
            : ProbeResult.failed("command exited with " + r.exitCode() + ": " + r.output().strip());
      }
      if (probe.getHttpGet() != null) {
        return httpGet(probe, target, timeout);
      }
      if (probe.getTcpSocket() != null) {
        String host =
            probe.getTcpSocket().getHost() != null
                ? probe.getTcpSocket().getHost()
                : target.podIp();
        int port = port(probe.getTcpSocket().getPort(), target.container());
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
          return ProbeResult.passed();
        }
      }
      return ProbeResult.failed("probe has no exec, httpGet or tcpSocket handler");
    } catch (IOException | RuntimeException e) {
      return ProbeResult.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static ProbeResult httpGet(Probe probe, Target target, Duration timeout)
      throws IOException {
    var get = probe.getHttpGet();
    String host =
        get.getHost() != null && !get.getHost().isBlank() ? get.getHost() : target.podIp();
    String scheme = get.getScheme() == null ? "http" : get.getScheme().toLowerCase();
    String path = get.getPath() == null || get.getPath().isEmpty() ? "/" : get.getPath();
    if (!path.startsWith("/")) {
      path = "/" + path;
    }
    URI uri =
        URI.create(scheme + "://" + host + ":" + port(get.getPort(), target.container()) + path);
    HttpURLConnection conn = (HttpURLConnection) uri.toURL().openConnection();
    conn.setConnectTimeout((int) timeout.toMillis());
    conn.setReadTimeout((int) timeout.toMillis());
    conn.setInstanceFollowRedirects(false);
    conn.setRequestProperty("User-Agent", "kube-probe/1.32");
    if (get.getHttpHeaders() != null) {
      for (HTTPHeader h : get.getHttpHeaders()) {
        conn.setRequestProperty(h.getName(), h.getValue());
      }
    }
    try {
      int code = conn.getResponseCode();
      drain(code < 400 ? conn.getInputStream() : conn.getErrorStream());
      return code >= 200 && code < 400
          ? ProbeResult.passed()
          : ProbeResult.failed("HTTP probe failed with statuscode: " + code);
    } finally {
      conn.disconnect();
    }
  }

  private static void drain(InputStream in) {
    if (in == null) {
      return;
    }
    try (in) {
      in.readNBytes(10_240);
    } catch (IOException ignored) {
      // the status code is what counts
    }
  }

  /** A probe port: a number, or the name of one of the container's ports. */
  static int port(IntOrString port, Container container) {
    if (port == null) {
      throw new IllegalArgumentException("probe has no port");
    }
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    String name = port.getStrVal();
    if (container.getPorts() != null) {
      for (ContainerPort p : container.getPorts()) {
        if (name.equals(p.getName())) {
          return p.getContainerPort();
        }
      }
    }
    try {
      return Integer.parseInt(name);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "port \"" + name + "\" is not a port of container " + container.getName());
    }
  }
}
