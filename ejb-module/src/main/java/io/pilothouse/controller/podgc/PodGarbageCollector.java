package io.pilothouse.controller.podgc;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.pilothouse.changefeed.ChangeType;
import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.controller.Controller;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.ObjectClient;
import io.pilothouse.controller.SyncResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Upstream's pod garbage collector, one pass over all pods every 20 s and whenever a node is
 * deleted: pods bound to a node that no longer exists are deleted (grace 0, nobody else will finish
 * them) once the node has been missing for the quarantine ({@code
 * pilothouse.podgc.quarantine.seconds}, upstream's 40 s), so that a pod bound to a node that is
 * about to register, or that a manifest names before its node, is left alone; terminating pods
 * never bound are deleted at once; terminated pods (Succeeded, Failed) beyond the threshold ({@code
 * pilothouse.podgc.terminated-threshold}, upstream's 12500) are deleted oldest first.
 */
@ApplicationScoped
public class PodGarbageCollector implements Controller {

  public static final String NAME = "pod-garbage-collector";
  static final ControllerKey PASS = new ControllerKey(null, "podgc");
  static final Duration PERIOD = Duration.ofSeconds(20);
  private static final List<String> TERMINATED_PHASES = List.of("Succeeded", "Failed");

  private int terminatedThreshold = 12500;
  private Duration quarantine = Duration.ofSeconds(40);

  /** When each missing node that still has pods was first seen missing. */
  private final Map<String, Instant> missingSince = new ConcurrentHashMap<>();

  /** For CDI; the threshold and the quarantine come from configuration. */
  public PodGarbageCollector() {}

  /** For tests: a fixed threshold of terminated pods and quarantine of missing nodes. */
  public PodGarbageCollector(int terminatedThreshold, Duration quarantine) {
    this.terminatedThreshold = terminatedThreshold;
    this.quarantine = quarantine;
  }

  @Inject
  void configure(
      @ConfigProperty(name = "pilothouse.podgc.terminated-threshold", defaultValue = "12500")
          int threshold,
      @ConfigProperty(name = "pilothouse.podgc.quarantine.seconds", defaultValue = "40")
          long quarantineSeconds) {
    this.terminatedThreshold = threshold;
    this.quarantine = Duration.ofSeconds(quarantineSeconds);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> watchedResources() {
    return Set.of("nodes");
  }

  @Override
  public Collection<ControllerKey> keysFor(StoreChange change, ObjectClient client) {
    return change.type() == ChangeType.DELETED ? List.of(PASS) : List.of();
  }

  @Override
  public Collection<ControllerKey> allKeys(ObjectClient client) {
    return List.of(PASS);
  }

  @Override
  public SyncResult sync(ControllerKey key, ControllerContext context) {
    ObjectClient client = context.client();
    ObjectClient listers = context.listers();
    // pods from the listers, as upstream's PodGC reads its pod lister: acting on a stale copy is
    // safe, since every delete names the pod's uid and a terminated pod stays terminated. Only the
    // pods that may need deleting are decoded; the rest are counted from their indexed fields.
    Map<String, Integer> byNode = listers.countByField(Pod.class, null, "spec.nodeName");
    Duration next = deleteOrphaned(client, listers, byNode.keySet(), context.clock().instant());
    if (byNode.containsKey("")) {
      listers
          .list(Pod.class, null, null, "spec.nodeName=,metadata.deletionTimestamp!=")
          .forEach(pod -> forceDelete(client, pod));
    }
    deleteTerminatedOverThreshold(client, listers);
    return SyncResult.after(next);
  }

  /**
   * Deletes the pods of nodes missing for the whole quarantine, as upstream's {@code gcOrphaned};
   * returns when the next pass is due (sooner than the period when a quarantine ends first).
   */
  private Duration deleteOrphaned(
      ObjectClient client, ObjectClient listers, Set<String> boundTo, Instant now) {
    // node names from the listers, without decoding every Node; a node they lack is confirmed
    // gone by the store (the listers may not have seen it yet)
    Set<String> nodes = new HashSet<>(listers.names(Node.class, null));
    Set<String> missing = new HashSet<>();
    for (String nodeName : boundTo) {
      if (!nodeName.isEmpty()
          && !nodes.contains(nodeName)
          && client.get(Node.class, null, nodeName).isEmpty()) {
        missing.add(nodeName);
      }
    }
    missingSince.keySet().retainAll(missing);
    Duration next = PERIOD;
    for (String nodeName : missing) {
      Duration left =
          quarantine.minus(Duration.between(missingSince.computeIfAbsent(nodeName, n -> now), now));
      if (left.isNegative() || left.isZero()) {
        listers
            .list(Pod.class, null, null, "spec.nodeName=" + nodeName)
            .forEach(pod -> forceDelete(client, pod));
        missingSince.remove(nodeName);
      } else if (left.compareTo(next) < 0) {
        next = left;
      }
    }
    return next;
  }

  /** Terminated pods beyond the threshold, oldest first; decoded only when over the threshold. */
  private void deleteTerminatedOverThreshold(ObjectClient client, ObjectClient listers) {
    Map<String, Integer> byPhase = listers.countByField(Pod.class, null, "status.phase");
    int count = 0;
    for (String phase : TERMINATED_PHASES) {
      count += byPhase.getOrDefault(phase, 0);
    }
    if (count <= terminatedThreshold) {
      return;
    }
    List<Pod> terminated = new ArrayList<>();
    for (String phase : TERMINATED_PHASES) {
      for (Pod pod : listers.list(Pod.class, null, null, "status.phase=" + phase)) {
        if (pod.getMetadata().getDeletionTimestamp() == null) {
          terminated.add(pod);
        }
      }
    }
    int excess = terminated.size() - terminatedThreshold;
    if (excess > 0) {
      terminated.sort(Comparator.comparing(p -> p.getMetadata().getCreationTimestamp()));
      terminated.subList(0, excess).forEach(pod -> forceDelete(client, pod));
    }
  }

  private static void forceDelete(ObjectClient client, Pod pod) {
    client.delete(
        Pod.class,
        pod.getMetadata().getNamespace(),
        pod.getMetadata().getName(),
        null,
        pod.getMetadata().getUid(),
        0L);
  }
}
