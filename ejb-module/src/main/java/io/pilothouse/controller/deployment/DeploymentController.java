package io.pilothouse.controller.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.pilothouse.changefeed.ChangeType;
import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.controller.Controller;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.ObjectClient;
import io.pilothouse.controller.SyncResult;
import io.pilothouse.controller.util.ControllerRefManager;
import io.pilothouse.controller.util.OwnerIndex;
import io.pilothouse.controller.util.OwnerRefs;
import io.pilothouse.controller.util.Selectors;
import io.pilothouse.store.LabelSelector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Upstream's Deployment controller: claims the ReplicaSets its selector matches, then rolls out
 * with {@link RollingUpdate} or {@link Recreate}, only scales while {@code paused}, only writes the
 * status while being deleted, and records revisions that {@code kubectl rollout history|undo} read.
 */
@ApplicationScoped
public class DeploymentController implements Controller {

  public static final String NAME = "deployment-controller";

  private final OwnerIndex owners = new OwnerIndex("Deployment");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> watchedResources() {
    return Set.of("deployments", "replicasets");
  }

  @Override
  public Collection<ControllerKey> keysFor(StoreChange change, ObjectClient client) {
    if (change.resource().equals("deployments")) {
      return List.of(new ControllerKey(change.namespace(), change.name()));
    }
    if (change.type() == ChangeType.DELETED) {
      return owners.removed(change.namespace(), change.name()).stream().toList();
    }
    ReplicaSet rs = client.get(ReplicaSet.class, change.namespace(), change.name()).orElse(null);
    if (rs == null) {
      return List.of();
    }
    Optional<ControllerKey> owner = owners.observe(rs);
    if (owner.isPresent() || !OwnerRefs.refs(rs).isEmpty()) {
      return owner.stream().toList();
    }
    return client.list(Deployment.class, change.namespace(), null, null).stream()
        .filter(d -> selects(d, rs))
        .map(d -> new ControllerKey(change.namespace(), d.getMetadata().getName()))
        .toList();
  }

  private static boolean selects(Deployment d, ReplicaSet rs) {
    LabelSelector selector = Selectors.of(d.getSpec().getSelector());
    return selector != null
        && !selector.isEmpty()
        && selector.matches(rs.getMetadata().getLabels());
  }

  @Override
  public Collection<ControllerKey> allKeys(ObjectClient client) {
    return client.list(Deployment.class, null, null, null).stream()
        .map(d -> ControllerKey.of(d))
        .toList();
  }

  @Override
  public SyncResult sync(ControllerKey key, ControllerContext context) {
    ObjectClient client = context.client();
    Deployment d = client.get(Deployment.class, key.namespace(), key.name()).orElse(null);
    if (d == null) {
      return SyncResult.DONE;
    }
    LabelSelector selector = Selectors.of(d.getSpec().getSelector());
    if (selector == null || selector.isEmpty()) {
      context
          .events()
          .warning(
              d,
              NAME,
              "SelectingAll",
              "This deployment is selecting all pods. A non-empty selector is required.");
      return SyncResult.DONE;
    }
    List<ReplicaSet> owned =
        ControllerRefManager.claim(
            client, d, selector, client.list(ReplicaSet.class, key.namespace(), null, null));
    Rollout rollout = new Rollout(context, d, owned);
    if (d.getMetadata().getDeletionTimestamp() != null) {
      return RolloutStatus.sync(rollout, false);
    }
    try {
      if (Boolean.TRUE.equals(d.getSpec().getPaused())) {
        return paused(rollout);
      }
      return "Recreate".equals(Rollouts.strategyType(d))
          ? Recreate.rollout(rollout)
          : RollingUpdate.rollout(rollout);
    } catch (NewReplicaSets.HashCollision e) {
      return SyncResult.RETRY;
    }
  }

  /** Upstream's {@code sync} for a paused Deployment: scale what runs, never roll out. */
  private static SyncResult paused(Rollout r) {
    NewReplicaSets.ensure(r, false, 0);
    List<ReplicaSet> active = r.activeOld();
    int wanted = Rollouts.replicas(r.deployment);
    if (r.newRS != null && active.isEmpty()) {
      r.scale(r.newRS, wanted);
    } else if (r.newRS == null && active.size() == 1) {
      r.scale(active.get(0), wanted);
    }
    HistoryCleanup.cleanup(r);
    return RolloutStatus.sync(r, false);
  }
}
