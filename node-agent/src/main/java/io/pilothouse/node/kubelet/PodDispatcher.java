package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Watches the pods bound to this agent's nodes with one fabric8 informer and hands each event to
 * the {@link PodWorkers} of the pod's node. A single node watches {@code
 * fieldSelector=spec.nodeName=<node>}; many simulated nodes share one watch of all pods rather than
 * opening thousands.
 */
public final class PodDispatcher implements ResourceEventHandler<Pod> {

  private static final Logger LOG = Logger.getLogger(PodDispatcher.class.getName());

  private final KubernetesClient client;
  private final Map<String, PodWorkers> byNode = new ConcurrentHashMap<>();
  private SharedIndexInformer<Pod> informer;

  public PodDispatcher(KubernetesClient client) {
    this.client = client;
  }

  public void register(String nodeName, PodWorkers workers) {
    byNode.put(nodeName, workers);
  }

  /** Starts the watch; resyncs every 60 s so a lost event only delays a pod. */
  public void start() {
    var pods = client.pods().inAnyNamespace();
    var source =
        byNode.size() == 1
            ? pods.withField("spec.nodeName", byNode.keySet().iterator().next())
            : pods;
    informer = source.runnableInformer(60_000);
    informer.addEventHandler(this);
    informer.exceptionHandler(
        (started, t) -> {
          LOG.warning(
              "pod watch: "
                  + ApiFailures.describe(t, client.getMasterUrl().toString())
                  + " (retrying)");
          return true;
        });
    informer
        .start()
        .whenComplete(
            (ok, error) -> {
              if (error == null) {
                removeOrphans();
              }
            });
  }

  private void removeOrphans() {
    Map<String, Set<String>> known = new ConcurrentHashMap<>();
    for (Pod pod : informer.getStore().list()) {
      String node = pod.getSpec().getNodeName();
      if (node != null && !isTerminal(pod)) {
        known.computeIfAbsent(node, n -> new HashSet<>()).add(pod.getMetadata().getUid());
      }
    }
    byNode.forEach(
        (node, workers) -> workers.removeOrphanSandboxes(known.getOrDefault(node, Set.of())));
  }

  private static boolean isTerminal(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  private PodWorkers workersFor(Pod pod) {
    String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    return node == null ? null : byNode.get(node);
  }

  @Override
  public void onAdd(Pod pod) {
    PodWorkers w = workersFor(pod);
    if (w != null) {
      w.upsert(pod);
    }
  }

  @Override
  public void onUpdate(Pod oldPod, Pod newPod) {
    onAdd(newPod);
  }

  @Override
  public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
    PodWorkers w = workersFor(pod);
    if (w != null) {
      w.deleted(pod);
    }
  }

  public boolean hasSynced() {
    return informer != null && informer.hasSynced();
  }

  public void stop() {
    if (informer != null) {
      informer.stop();
    }
  }
}
