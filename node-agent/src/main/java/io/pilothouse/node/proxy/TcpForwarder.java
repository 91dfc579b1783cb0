package io.pilothouse.node.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.logging.Logger;

/**
 * Listens on one ClusterIP:port (or 127.0.0.1:nodePort) and forwards each TCP connection to a ready
 * endpoint, round-robin; an endpoint that refuses or times out is skipped for the next one. A port
 * another agent's proxy already serves ("address in use") stays unbound until a later retry.
 */
final class TcpForwarder {

  private static final Logger LOG = Logger.getLogger(TcpForwarder.class.getName());
  static final int CONNECT_TIMEOUT_MILLIS = 1000;

  private final ProxyRules.Listen listen;
  private final Backends backends = new Backends();
  private final ExecutorService threads;
  private volatile ServerSocket socket;
  private volatile boolean closed;
  private String lastBindProblem;

  TcpForwarder(ProxyRules.Listen listen, ExecutorService threads) {
    this.listen = listen;
    this.threads = threads;
  }

  Backends backends() {
    return backends;
  }

  boolean bound() {
    return socket != null;
  }

  /** Tries to bind; false when the address is taken (a sibling serves it) or cannot be bound. */
  synchronized boolean tryBind() {
    if (socket != null || closed) {
      return socket != null;
    }
    ServerSocket s = null;
    try {
      s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getByName(listen.ip()), listen.port()), 128);
      socket = s;
      lastBindProblem = null;
      ServerSocket bound = s;
      threads.execute(() -> acceptLoop(bound));
      return true;
    } catch (IOException e) {
      closeQuietly(s);
      String problem =
          e instanceof BindException && String.valueOf(e.getMessage()).contains("in use")
              ? "address in use (served by another proxy on this host?)"
              : e.getMessage();
      if (!problem.equals(lastBindProblem)) {
        LOG.info("proxy: " + listen + " not bound: " + problem + "; will retry");
      }
      lastBindProblem = problem;
      return false;
    }
  }

  private void acceptLoop(ServerSocket server) {
    while (!closed) {
      try {
        Socket client = server.accept();
        threads.execute(() -> forward(client));
      } catch (IOException e) {
        if (!closed) {
          LOG.fine("proxy: accept on " + listen + " failed: " + e.getMessage());
        }
        return;
      }
    }
  }

  private void forward(Socket client) {
    Socket upstream = connect();
    if (upstream == null) {
      closeQuietly(client);
      return;
    }
    java.util.concurrent.atomic.AtomicInteger open =
        new java.util.concurrent.atomic.AtomicInteger(2);
    threads.execute(() -> pipe(client, upstream, open));
    pipe(upstream, client, open);
  }

  private Socket connect() {
    for (InetSocketAddress endpoint : backends.order()) {
      Socket s = new Socket();
      try {
        s.connect(
            new InetSocketAddress(endpoint.getHostString(), endpoint.getPort()),
            CONNECT_TIMEOUT_MILLIS);
        s.setTcpNoDelay(true);
        return s;
      } catch (IOException e) {
        closeQuietly(s);
        LOG.fine("proxy: endpoint " + endpoint + " of " + listen + " failed: " + e.getMessage());
      }
    }
    return null;
  }

  /** Copies one direction; the sockets close when both directions ended or one failed. */
  private static void pipe(Socket from, Socket to, java.util.concurrent.atomic.AtomicInteger open) {
    byte[] buffer = new byte[16384];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
      to.shutdownOutput();
      if (open.decrementAndGet() == 0) {
        closeQuietly(from);
        closeQuietly(to);
      }
    } catch (IOException e) {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  synchronized void close() {
    closed = true;
    closeQuietly(socket);
    socket = null;
  }

  private static void closeQuietly(java.io.Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }
}
