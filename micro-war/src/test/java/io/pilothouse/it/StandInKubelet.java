package io.pilothouse.it;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the kubelet of test nodes for ITs that run no node agent: renews each node's Lease, turns
 * pods bound to them from Pending to Running and Ready with a loopback pod IP (through {@code
 * pods/status}, as a kubelet writes), and confirms the deletion of terminating pods (a grace-0
 * delete). Pods the test has finished itself (Succeeded or Failed) are left alone.
 */
final class StandInKubelet implements AutoCloseable {

  private final KubernetesClient client;
  private final List<String> nodes;
  private final Thread thread;
  private final AtomicInteger addresses = new AtomicInteger();
  private final int subnet;
  private volatile boolean running = true;

  StandInKubelet(KubernetesClient client, int subnet, String... nodes) {
    this.client = client;
    this.subnet = subnet;
    this.nodes = List.of(nodes);
    this.thread = new Thread(this::run, "stand-in-kubelet");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    long lastLease = 0;
    while (running) {
      try {
        if (System.nanoTime() - lastLease > 5_000_000_000L) {
          nodes.forEach(this::renewLease);
          lastLease = System.nanoTime();
        }
        for (String node : nodes) {
          for (Pod pod :
              client.pods().inAnyNamespace().withField("spec.nodeName", node).list().getItems()) {
            syncPod(pod);
          }
        }
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      } catch (KubernetesClientException e) {
        // a conflict or a vanished pod: the next round looks again
      }
    }
  }

  private void syncPod(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      client
          .pods()
          .inNamespace(pod.getMetadata().getNamespace())
          .withName(pod.getMetadata().getName())
          .withGracePeriod(0)
          .delete();
    } else if (phase == null || phase.equals("Pending")) {
      String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
      int n = addresses.incrementAndGet();
      PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
      status.setPhase("Running");
      status.setPodIP("127." + subnet + "." + (n / 250) + "." + (n % 250 + 1));
      status.setStartTime(now);
      status.setConditions(
          List.of(
              new PodConditionBuilder()
                  .withType("PodScheduled")
                  .withStatus("True")
                  .withLastTransitionTime(now)
                  .build(),
              new PodConditionBuilder()
                  .withType("Ready")
                  .withStatus("True")
                  .withLastTransitionTime(now)
                  .build()));
      pod.setStatus(status);
      client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).updateStatus();
    }
  }

  private void renewLease(String node) {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    Lease existing = client.leases().inNamespace("kube-node-lease").withName(node).get();
    if (existing == null) {
      client
          .leases()
          .inNamespace("kube-node-lease")
          .resource(
              new LeaseBuilder()
                  .withNewMetadata()
                  .withName(node)
                  .endMetadata()
                  .withNewSpec()
                  .withHolderIdentity(node)
                  .withLeaseDurationSeconds(40)
                  .withRenewTime(now)
                  .endSpec()
                  .build())
          .create();
    } else {
      existing.getSpec().setRenewTime(now);
      client.leases().inNamespace("kube-node-lease").resource(existing).update();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(5_000);
  }
}
