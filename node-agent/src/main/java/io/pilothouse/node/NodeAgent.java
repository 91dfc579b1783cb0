package io.pilothouse.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.pilothouse.node.cli.AgentOptions;
import io.pilothouse.node.cli.UsageException;
import io.pilothouse.node.kubelet.ApiFailures;
import io.pilothouse.node.kubelet.ContainerLogServer;
import io.pilothouse.node.kubelet.EventRecorder;
import io.pilothouse.node.kubelet.Kubelet;
import io.pilothouse.node.kubelet.PodDispatcher;
import io.pilothouse.node.kubelet.PodWorkers;
import io.pilothouse.node.kubelet.WorkersLogLocator;
import io.pilothouse.node.proxy.ServiceProxy;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The node agent process: one API client, one scheduler and one worker pool shared by the kubelets
 * of every node it runs (one process node, or up to thousands of simulated ones), the kubelet HTTP
 * server for logs, and kube-proxy. It waits for the API server with a backoff and stops its pods'
 * processes when it is stopped.
 */
public final class NodeAgent {

  private static final Logger LOG = Logger.getLogger(NodeAgent.class.getName());

  /** The agent cannot run here (port taken, directory not writable): exit code 3. */
  public static final class EnvironmentException extends Exception {
    private static final long serialVersionUID = 1L;

    public EnvironmentException(String message) {
      super(message);
    }
  }

  private final AgentOptions options;
  private final Clock clock = Clock.systemUTC();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private KubernetesClient client;
  private ScheduledExecutorService scheduler;
  private ExecutorService pool;
  private NodeSetup setup;
  private ContainerLogServer logServer;
  private PodDispatcher dispatcher;
  private ServiceProxy proxy;
  private EventRecorder events;
  private volatile boolean stopping;

  public NodeAgent(AgentOptions options) {
    this.options = options;
  }

  /** Runs until {@link #stop()}; throws for a bad kubeconfig or an unusable environment. */
  public void run() throws UsageException, EnvironmentException, InterruptedException {
    Config config = kubeconfig();
    prepareRootDir();
    client =
        new KubernetesClientBuilder()
            .withConfig(config)
            .withHttpClientFactory(new io.pilothouse.node.kubelet.Http11ClientFactory())
            .build();
    int nodes = options.simulateNodes();
    scheduler =
        Executors.newScheduledThreadPool(Math.min(64, 4 + nodes / 50), threads("scheduler"));
    pool = Executors.newFixedThreadPool(Math.min(64, 16 + nodes / 50), threads("pod-worker"));
    events = new EventRecorder(client, clock);
    setup = NodeSetup.create(options, client, events, clock, scheduler, pool);
    startLogServer();
    Kubelet first = setup.kubelets().get(0);
    Node node = awaitRegistration(first);
    if (node == null) {
      return;
    }
    setup.announce(events, node);
    registerOthers();
    dispatcher = new PodDispatcher(client);
    setup.kubelets().forEach(k -> dispatcher.register(k.config().nodeName(), k.workers()));
    dispatcher.start();
    if (options.proxy()) {
      proxy = ServiceProxy.watching(client);
    }
    LOG.info(setup.describe(logServer.port()));
    stopped.await();
  }

  private Config kubeconfig() throws UsageException {
    try {
      Config config = Config.fromKubeconfig(options.kubeconfig().toAbsolutePath().toFile());
      if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
        throw new UsageException("--kubeconfig " + options.kubeconfig() + " names no server");
      }
      config.setRequestRetryBackoffLimit(1);
      config.setConnectionTimeout(5_000);
      config.setRequestTimeout(30_000);
      config.setWatchReconnectInterval(1_000);
      return config;
    } catch (RuntimeException e) {
      throw new UsageException(
          "--kubeconfig "
              + options.kubeconfig()
              + " is not a usable kubeconfig: "
              + e.getMessage());
    }
  }

  private void prepareRootDir() throws EnvironmentException {
    try {
      Files.createDirectories(options.rootDir());
      if (!Files.isWritable(options.rootDir())) {
        throw new EnvironmentException("--root-dir " + options.rootDir() + " is not writable");
      }
    } catch (IOException e) {
      throw new EnvironmentException(
          "--root-dir " + options.rootDir() + " cannot be created: " + e.getMessage());
    }
  }

  private void startLogServer() throws EnvironmentException {
    List<PodWorkers> all = new ArrayList<>();
    setup.kubelets().forEach(k -> all.add(k.workers()));
    try {
      logServer =
          new ContainerLogServer(
              options.nodeIp(), options.kubeletPort(), new WorkersLogLocator(all), clock);
      logServer.start();
    } catch (IOException e) {
      throw new EnvironmentException(
          "cannot listen on "
              + options.nodeIp()
              + ":"
              + options.kubeletPort()
              + " for the kubelet ("
              + e.getMessage()
              + "): pick another --kubelet-port or --node-ip");
    }
  }

  /**
   * Registers the first node, retrying with backoff (1 s doubling to 30 s) while the API server is
   * unreachable.
   */
  private Node awaitRegistration(Kubelet kubelet) throws InterruptedException {
    long delay = 1000;
    String lastProblem = null;
    while (!stopping) {
      try {
        Node node = kubelet.register();
        kubelet.startHeartbeats();
        if (lastProblem != null) {
          LOG.info("connected to the API server at " + client.getMasterUrl());
        }
        return node;
      } catch (RuntimeException e) {
        String problem = ApiFailures.describe(e, client.getMasterUrl().toString());
        LOG.warning(problem + "; retrying in " + delay / 1000 + "s");
        lastProblem = problem;
        if (stopped.await(delay, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          return null;
        }
        delay = Math.min(delay * 2, 30_000);
      }
    }
    return null;
  }

  private void registerOthers() {
    List<Kubelet> rest = setup.kubelets().subList(1, setup.kubelets().size());
    AtomicInteger done = new AtomicInteger();
    for (Kubelet k : rest) {
      pool.execute(() -> registerInBackground(k, done, rest.size()));
    }
  }

  private void registerInBackground(Kubelet k, AtomicInteger done, int total) {
    long delay = 1000;
    while (!stopping) {
      try {
        k.register();
        k.startHeartbeats();
        int n = done.incrementAndGet();
        if (n == total || n % 500 == 0) {
          LOG.info("registered " + (n + 1) + " of " + (total + 1) + " simulated nodes");
        }
        return;
      } catch (RuntimeException e) {
        try {
          Thread.sleep(delay);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
        delay = Math.min(delay * 2, 30_000);
      }
    }
  }

  /** Stops watching, stops the pods' processes (SIGTERM, then SIGKILL after 10 s) and closes. */
  public void stop() {
    stopping = true;
    stopped.countDown();
    if (dispatcher != null) {
      dispatcher.stop();
    }
    if (proxy != null) {
      proxy.stop();
    }
    if (setup != null) {
      setup.kubelets().forEach(Kubelet::stop);
      setup.shutdownRuntimes(Duration.ofSeconds(10));
    }
    if (logServer != null) {
      logServer.stop();
    }
    if (events != null) {
      events.shutdown();
    }
    if (scheduler != null) {
      scheduler.shutdownNow();
      pool.shutdownNow();
    }
    if (client != null) {
      client.close();
    }
  }

  static ThreadFactory threads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
