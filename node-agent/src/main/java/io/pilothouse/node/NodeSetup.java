package io.pilothouse.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pilothouse.node.cli.AgentOptions;
import io.pilothouse.node.cli.UsageException;
import io.pilothouse.node.kubelet.ApiServerKubeletApi;
import io.pilothouse.node.kubelet.EnvResolver;
import io.pilothouse.node.kubelet.EventRecorder;
import io.pilothouse.node.kubelet.HostInfo;
import io.pilothouse.node.kubelet.HostProber;
import io.pilothouse.node.kubelet.Kubelet;
import io.pilothouse.node.kubelet.NodeConditions;
import io.pilothouse.node.kubelet.NodeConfig;
import io.pilothouse.node.kubelet.NodeFactory;
import io.pilothouse.node.kubelet.PodWorkerContext;
import io.pilothouse.node.kubelet.PodWorkers;
import io.pilothouse.node.kubelet.ProbeResult;
import io.pilothouse.node.kubelet.VolumeManager;
import io.pilothouse.node.runtime.ContainerRuntime;
import io.pilothouse.node.runtime.ImageCatalog;
import io.pilothouse.node.runtime.Isolation;
import io.pilothouse.node.runtime.MemoryCgroups;
import io.pilothouse.node.runtime.PodIpAllocator;
import io.pilothouse.node.runtime.ProcessRuntime;
import io.pilothouse.node.runtime.SimulatedRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

/**
 * Builds the nodes of one agent from its options: the runtime (a process runtime with the image
 * catalog, isolation and memory cgroups of this host, or one simulated runtime per node), and a
 * kubelet with its pod workers for each node.
 */
final class NodeSetup {

  private static final Logger LOG = Logger.getLogger(NodeSetup.class.getName());

  private final AgentOptions options;
  private final List<Kubelet> kubelets = new ArrayList<>();
  private final List<ContainerRuntime> runtimes = new ArrayList<>();
  private String isolationNote = "";
  private String memoryNote = "";

  private NodeSetup(AgentOptions options) {
    this.options = options;
  }

  static NodeSetup create(
      AgentOptions o,
      KubernetesClient client,
      EventRecorder events,
      Clock clock,
      ScheduledExecutorService scheduler,
      ExecutorService pool)
      throws UsageException {
    NodeSetup s = new NodeSetup(o);
    ExecutorService terminations = Executors.newCachedThreadPool(NodeAgent.threads("terminate"));
    int count = o.simulateNodes();
    for (int i = 1; i <= count; i++) {
      String name = count == 1 ? o.nodeName() : o.nodeName() + "-" + String.format("%04d", i);
      String cidr =
          count == 1
              ? o.podCidr()
              : "127." + (128 + (i - 1) / 256) + "." + ((i - 1) % 256) + ".0/24";
      NodeConfig config = s.nodeConfig(name, cidr);
      Path root = count == 1 ? o.rootDir() : o.rootDir().resolve(name);
      ContainerRuntime runtime = s.runtime(config, root, clock, scheduler);
      config = config.withRuntime(runtime.name(), runtime.version());
      Map<String, Quantity> allocatable = NodeFactory.capacity(config);
      ApiServerKubeletApi api =
          new ApiServerKubeletApi(client, o.simulated() ? null : events, name);
      var prober =
          o.simulated()
              ? (io.pilothouse.node.kubelet.Prober) (p, t, d) -> ProbeResult.passed()
              : new HostProber(runtime);
      PodWorkerContext ctx =
          PodWorkerContext.of(
              runtime,
              api,
              clock,
              prober,
              new EnvResolver(api, allocatable),
              new VolumeManager(api, root, allocatable),
              o.nodeIp(),
              root,
              terminations);
      PodWorkers workers = new PodWorkers(ctx, scheduler, pool);
      var pressure =
          o.simulated()
              ? (java.util.function.Supplier<NodeConditions.Pressure>)
                  () -> NodeConditions.Pressure.NONE
              : (java.util.function.Supplier<NodeConditions.Pressure>)
                  () -> NodeConditions.measure(root);
      s.kubelets.add(new Kubelet(client, config, workers, clock, scheduler, pressure));
    }
    return s;
  }

  private NodeConfig nodeConfig(String name, String cidr) {
    String cpu = options.cpu() != null ? options.cpu() : Integer.toString(HostInfo.cpus());
    String memory =
        options.memory() != null ? options.memory() : Long.toString(HostInfo.memoryBytes());
    String storage =
        options.ephemeralStorage() != null
            ? options.ephemeralStorage()
            : Long.toString(HostInfo.diskBytes(options.rootDir()));
    return new NodeConfig(
        name,
        options.nodeIp(),
        options.kubeletPort(),
        cidr,
        cpu,
        memory,
        storage,
        options.maxPods(),
        options.runtime(),
        "0.1.0",
        options.simulated(),
        options.nodeLabels(),
        options.registerTaints());
  }

  private ContainerRuntime runtime(
      NodeConfig config, Path root, Clock clock, ScheduledExecutorService scheduler)
      throws UsageException {
    PodIpAllocator ips = new PodIpAllocator(config.podCidr());
    ContainerRuntime runtime;
    if (options.simulated()) {
      runtime =
          new SimulatedRuntime(
              ips,
              clock,
              scheduler,
              Duration.ofMillis(Math.round(options.simulateStartDelaySeconds() * 1000)));
    } else {
      ImageCatalog catalog;
      try {
        catalog =
            options.imageCatalog() == null
                ? ImageCatalog.defaults()
                : ImageCatalog.load(options.imageCatalog());
      } catch (IllegalArgumentException e) {
        throw new UsageException("--image-catalog: " + e.getMessage());
      }
      Isolation isolation = Isolation.detect();
      MemoryCgroups cgroups = MemoryCgroups.detect(config.nodeName());
      isolationNote = isolation.description();
      memoryNote =
          cgroups.enabled()
              ? "memory limits enforced with cgroups"
              : "memory limits NOT enforced: " + cgroups.reason();
      if (!isolation.namespaces()) {
        LOG.warning(isolation.description());
      }
      if (!cgroups.enabled()) {
        LOG.warning(memoryNote);
      }
      runtime = new ProcessRuntime(root, catalog, ips, isolation, cgroups, clock);
    }
    runtimes.add(runtime);
    return runtime;
  }

  List<Kubelet> kubelets() {
    return kubelets;
  }

  /** Tells the cluster, through events on the first Node, how this host isolates containers. */
  void announce(EventRecorder events, Node node) {
    if (!options.simulated()) {
      events.record(
          node.getMetadata().getName(),
          node,
          "Normal",
          "Starting",
          "Starting kubelet: " + isolationNote);
      events.record(
          node.getMetadata().getName(),
          node,
          memoryNote.contains("NOT") ? "Warning" : "Normal",
          "MemoryLimits",
          memoryNote);
    }
  }

  String describe(int port) {
    NodeConfig first = kubelets.get(0).config();
    String nodes =
        kubelets.size() == 1
            ? "node " + first.nodeName()
            : kubelets.size()
                + " simulated nodes "
                + first.nodeName()
                + ".."
                + kubelets.get(kubelets.size() - 1).config().nodeName();
    return nodes
        + " ready: runtime "
        + first.runtimeName()
        + ", pods from "
        + first.podCidr()
        + ", kubelet http://"
        + options.nodeIp()
        + ":"
        + port
        + (options.simulated() ? "" : ", " + isolationNote + ", " + memoryNote)
        + (options.proxy() ? ", kube-proxy on" : ", kube-proxy off");
  }

  void shutdownRuntimes(Duration grace) {
    runtimes.forEach(r -> r.shutdown(grace));
  }
}
