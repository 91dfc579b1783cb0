package io.pilothouse.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the Leases of Node objects renewed every 10 s, as their kubelets would, spread evenly over
 * the period (500 nodes: 50 writes/s): the background load of a healthy cluster, and what keeps the
 * node lifecycle controller from marking a benchmark's nodes Unknown and evicting their pods
 * mid-run. Renewals are unconditional PUTs of {@code kube-node-lease/<node>}.
 */
final class LeaseRenewals implements AutoCloseable {

  private static final long PERIOD_MILLIS = 10_000;

  private final Api api;
  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);
  private final AtomicLong renewals = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  private LeaseRenewals(Api api) {
    this.api = api;
  }

  /** Creates (or takes over) one Lease per node and starts renewing them all. */
  static LeaseRenewals start(Api api, List<String> nodes) {
    LeaseRenewals renewals = new LeaseRenewals(api);
    for (int i = 0; i < nodes.size(); i++) {
      String node = nodes.get(i);
      renewals.renew(node);
      long offset = PERIOD_MILLIS * i / nodes.size();
      renewals.timer.scheduleAtFixedRate(
          () -> renewals.renew(node), offset, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }
    return renewals;
  }

  private void renew(String node) {
    String now = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
    String lease =
        """
        {"apiVersion":"coordination.k8s.io/v1","kind":"Lease",
         "metadata":{"name":"%s","namespace":"kube-node-lease"},
         "spec":{"holderIdentity":"%s","leaseDurationSeconds":40,"renewTime":"%s"}}
        """
            .formatted(node, node, now);
    String path = "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/";
    try {
      int code = api.send("PUT", path + node, lease).statusCode();
      if (code == 404) {
        code = api.send("POST", path, lease).statusCode();
      }
      (code < 300 ? renewals : failures).incrementAndGet();
    } catch (RuntimeException e) {
      failures.incrementAndGet();
    }
  }

  /** Renewals sent so far, and how many failed. */
  String summary() {
    return renewals.get() + " Lease renewals, " + failures.get() + " failed";
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
