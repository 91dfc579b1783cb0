package io.pilothouse.controller.replicaset;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.pilothouse.changefeed.ChangeType;
import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.controller.Controller;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.ObjectClient;
import io.pilothouse.controller.SyncResult;
import io.pilothouse.controller.util.ControllerRefManager;
import io.pilothouse.controller.util.Expectations;
import io.pilothouse.controller.util.OwnerIndex;
import io.pilothouse.controller.util.OwnerRefs;
import io.pilothouse.controller.util.PodStates;
import io.pilothouse.controller.util.Selectors;
import io.pilothouse.store.LabelSelector;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Upstream's ReplicaSet controller: keeps {@code spec.replicas} active pods matching the selector,
 * creating them from the template with a controller reference and deleting surplus in {@link
 * ActivePodsRanking} order, adopting matching orphans and releasing pods that stopped matching,
 * guarded by {@link Expectations}; then writes the status, and looks again when a pod is due to
 * become available after minReadySeconds.
 */
@ApplicationScoped
public class ReplicaSetController implements Controller {

  public static final String NAME = "replicaset-controller";

  private final Expectations expectations;
  private final OwnerIndex owners = new OwnerIndex("ReplicaSet");

  public ReplicaSetController() {
    this(Clock.systemUTC());
  }

  public ReplicaSetController(Clock clock) {
    this.expectations = new Expectations(clock);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> watchedResources() {
    return Set.of("replicasets", "pods");
  }

  @Override
  public Collection<ControllerKey> keysFor(StoreChange change, ObjectClient client) {
    if (change.resource().equals("replicasets")) {
      return List.of(new ControllerKey(change.namespace(), change.name()));
    }
    if (change.type() == ChangeType.DELETED) {
      expectations.observeDeletion(change.name());
      return owners.removed(change.namespace(), change.name()).stream().toList();
    }
    Pod pod = client.get(Pod.class, change.namespace(), change.name()).orElse(null);
    if (pod == null) {
      return List.of();
    }
    Optional<ControllerKey> owner = owners.observe(pod);
    if (owner.isPresent() || !OwnerRefs.refs(pod).isEmpty()) {
      return owner.stream().toList();
    }
    return client.list(ReplicaSet.class, change.namespace(), null, null).stream()
        .filter(rs -> matches(rs, pod))
        .map(rs -> new ControllerKey(change.namespace(), rs.getMetadata().getName()))
        .toList();
  }

  private static boolean matches(ReplicaSet rs, Pod pod) {
    LabelSelector selector = Selectors.of(rs.getSpec().getSelector());
    return selector != null
        && !selector.isEmpty()
        && selector.matches(pod.getMetadata().getLabels());
  }

  @Override
  public Collection<ControllerKey> allKeys(ObjectClient client) {
    return client.list(ReplicaSet.class, null, null, null).stream()
        .map(rs -> ControllerKey.of(rs))
        .toList();
  }

  @Override
  public SyncResult sync(ControllerKey key, ControllerContext context) {
    ObjectClient client = context.client();
    ReplicaSet rs = client.get(ReplicaSet.class, key.namespace(), key.name()).orElse(null);
    if (rs == null) {
      expectations.forget(key);
      return SyncResult.DONE;
    }
    LabelSelector selector = Selectors.of(rs.getSpec().getSelector());
    if (selector == null || selector.isEmpty()) {
      return SyncResult.DONE;
    }
    List<Pod> all = client.list(Pod.class, key.namespace(), null, null);
    List<Pod> claimed = ControllerRefManager.claim(client, rs, selector, all, PodStates::isActive);
    List<Pod> active = claimed.stream().filter(PodStates::isActive).toList();
    Set<String> listed =
        claimed.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
    Set<String> live =
        active.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
    boolean satisfied = expectations.satisfied(key, listed, live);
    if (satisfied && rs.getMetadata().getDeletionTimestamp() == null) {
      active = new ReplicaManager(context, expectations, key, rs).manage(active);
    }
    Instant now = context.clock().instant();
    ReplicaSetStatus status = ReplicaSetStatusCalculator.calculate(rs, active, now);
    if (!Objects.equals(status, rs.getStatus())) {
      rs.setStatus(status);
      client.updateStatus(rs);
    }
    if (!satisfied) {
      return SyncResult.RETRY;
    }
    return recheckForAvailability(rs, active, status, now);
  }

  /** Upstream requeues after minReadySeconds while ready pods wait to count as available. */
  private static SyncResult recheckForAvailability(
      ReplicaSet rs, List<Pod> active, ReplicaSetStatus status, Instant now) {
    int minReady = ReplicaSetStatusCalculator.minReadySeconds(rs);
    if (minReady == 0 || status.getAvailableReplicas().equals(status.getReadyReplicas())) {
      return SyncResult.DONE;
    }
    Instant soonest = null;
    for (Pod pod : active) {
      Instant since = PodStates.readySince(pod);
      if (PodStates.isReady(pod) && since != null && !PodStates.isAvailable(pod, minReady, now)) {
        Instant due = since.plusSeconds(minReady);
        soonest = soonest == null || due.isBefore(soonest) ? due : soonest;
      }
    }
    return soonest == null
        ? SyncResult.after(Duration.ofSeconds(minReady))
        : SyncResult.after(Duration.between(now, soonest).plusMillis(100));
  }
}
