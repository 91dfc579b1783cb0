package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The kubelet of one node: registers the Node, then renews its Lease every 10 s and checks its
 * status every 10 s (posting on change and at least every minute), while its {@link PodWorkers} run
 * the pods the {@link PodDispatcher} hands it. Many kubelets (simulated nodes) share one client and
 * one scheduler.
 */
public final class Kubelet {

  private static final Logger LOG = Logger.getLogger(Kubelet.class.getName());

  private final KubernetesClient client;
  private final NodeConfig config;
  private final PodWorkers workers;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Supplier<NodeConditions.Pressure> pressure;
  private final NodeRegistrar registrar;
  private NodeStatusReporter status;
  private NodeLeaseRenewer lease;
  private ScheduledFuture<?> leaseTask;
  private ScheduledFuture<?> statusTask;

  public Kubelet(
      KubernetesClient client,
      NodeConfig config,
      PodWorkers workers,
      Clock clock,
      ScheduledExecutorService scheduler,
      Supplier<NodeConditions.Pressure> pressure) {
    this.client = client;
    this.config = config;
    this.workers = workers;
    this.clock = clock;
    this.scheduler = scheduler;
    this.pressure = pressure;
    this.registrar = new NodeRegistrar(client, config);
  }

  public NodeConfig config() {
    return config;
  }

  public PodWorkers workers() {
    return workers;
  }

  /** Registers the Node (throws when the API server cannot be reached: the caller retries). */
  public Node register() {
    Node node = registrar.register();
    status = new NodeStatusReporter(client, config, registrar, clock, pressure, node);
    lease = new NodeLeaseRenewer(client, config.nodeName(), clock, status::node);
    status.tick();
    lease.renew();
    return node;
  }

  /**
   * Starts the heartbeats, spread over the period so many nodes do not renew at once, each the
   * period after the previous one finished (as the kubelet's lease controller waits between
   * renewals): a slow API server gets fewer renewals, never a burst of overdue ones when it
   * recovers.
   */
  public void startHeartbeats() {
    long period = NodeLeaseRenewer.RENEW_SECONDS * 1000L;
    long offset = ThreadLocalRandom.current().nextLong(period);
    leaseTask =
        scheduler.scheduleWithFixedDelay(this::renewLease, offset, period, TimeUnit.MILLISECONDS);
    statusTask =
        scheduler.scheduleWithFixedDelay(
            this::tickStatus, offset + 500, period, TimeUnit.MILLISECONDS);
  }

  private void renewLease() {
    try {
      lease.renew();
    } catch (RuntimeException e) {
      LOG.warning("node " + config.nodeName() + ": lease renewal failed: " + e);
    }
  }

  private void tickStatus() {
    try {
      status.tick();
    } catch (RuntimeException e) {
      LOG.warning("node " + config.nodeName() + ": status update failed: " + e);
    }
  }

  public void stop() {
    if (leaseTask != null) {
      leaseTask.cancel(false);
    }
    if (statusTask != null) {
      statusTask.cancel(false);
    }
  }
}
