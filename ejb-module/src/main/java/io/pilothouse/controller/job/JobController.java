package io.pilothouse.controller.job;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
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
import io.pilothouse.controller.util.PodStates;
import io.pilothouse.controller.util.Selectors;
import io.pilothouse.store.LabelSelector;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Upstream's Job controller (non-indexed completions) with the TTL-after-finished controller folded
 * in: runs up to {@code parallelism} pods until {@code completions} have succeeded, fails the Job
 * on its backoff limit or active deadline, and deletes a finished Job once its {@code
 * ttlSecondsAfterFinished} has passed. See {@link JobSync} for one sync.
 */
@ApplicationScoped
public class JobController implements Controller {

  public static final String NAME = "job-controller";

  private final Expectations expectations;
  private final OwnerIndex owners = new OwnerIndex("Job");

  public JobController() {
    this(Clock.systemUTC());
  }

  public JobController(Clock clock) {
    this.expectations = new Expectations(clock);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> watchedResources() {
    return Set.of("jobs", "pods");
  }

  @Override
  public Collection<ControllerKey> keysFor(StoreChange change, ObjectClient client) {
    if (change.resource().equals("jobs")) {
      return List.of(new ControllerKey(change.namespace(), change.name()));
    }
    if (change.type() == ChangeType.DELETED) {
      expectations.observeDeletion(change.name());
      return owners.removed(change.namespace(), change.name()).stream().toList();
    }
    return client
        .get(Pod.class, change.namespace(), change.name())
        .flatMap(owners::observe)
        .stream()
        .toList();
  }

  @Override
  public Collection<ControllerKey> allKeys(ObjectClient client) {
    return client.list(Job.class, null, null, null).stream().map(j -> ControllerKey.of(j)).toList();
  }

  @Override
  public SyncResult sync(ControllerKey key, ControllerContext context) {
    ObjectClient client = context.client();
    Job job = client.get(Job.class, key.namespace(), key.name()).orElse(null);
    if (job == null) {
      expectations.forget(key);
      return SyncResult.DONE;
    }
    if (JobConditions.finished(job.getStatus())) {
      return TtlAfterFinished.check(context, job);
    }
    LabelSelector selector = Selectors.of(job.getSpec().getSelector());
    if (selector == null || selector.isEmpty()) {
      return SyncResult.DONE;
    }
    List<Pod> pods =
        ControllerRefManager.claim(
            client, job, selector, client.list(Pod.class, key.namespace(), null, null));
    Set<String> listed =
        pods.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
    Set<String> live =
        pods.stream()
            .filter(PodStates::isActive)
            .map(p -> p.getMetadata().getName())
            .collect(Collectors.toSet());
    boolean satisfied = expectations.satisfied(key, listed, live);
    return new JobSync(context, job, pods, expectations, key).run(satisfied);
  }
}
