package io.pilothouse.dashboard;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.UUID;
import org.primefaces.PrimeFaces;

/**
 * Backs the drain confirmation shared by the nodes list and node detail: the plan names what the
 * drain will do ("Drain node-2: cordon it and evict 7 pods") before the user confirms; the drain
 * then runs in the background ({@link DrainRunner}) while the dialog polls its progress each second
 * until it is done, then reports evicted and refused pods.
 */
@Named
@ViewScoped
public class DrainDialog implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private NodeActions nodes;
  @Inject private DrainRunner runner;
  @Inject private DrainTracker tracker;
  @Inject private CurrentUser user;

  private DrainPlan plan;
  private DrainProgress progress;
  private String drainId;

  public void prepare(String node) {
    progress = null;
    drainId = null;
    Feedback.run(null, () -> plan = nodes.drainPlan(node));
  }

  /** Starts the drain; {@link #refresh} follows it. */
  public void drain() {
    if (plan == null || drainId != null) {
      return;
    }
    String id = UUID.randomUUID().toString();
    progress = DrainProgress.starting(plan.node(), plan.evict().size());
    if (Feedback.run(
        null, () -> runner.drain(id, plan.node(), plan.evict().size(), user.principal()))) {
      drainId = id;
    } else {
      progress = null;
    }
  }

  /** Called by the dialog's poll: the latest progress; the outcome as messages once done. */
  public void refresh() {
    if (drainId == null || progress == null || progress.done()) {
      return;
    }
    progress = tracker.get(drainId).orElse(progress);
    if (progress.done()) {
      Feedback.info(progress.summary());
      progress.refused().forEach(r -> Feedback.error("Eviction refused: " + r));
      PrimeFaces.current().ajax().update("messages");
    }
  }

  /** Whether a drain runs and the dialog should keep polling. */
  public boolean isRunning() {
    return progress != null && !progress.done();
  }

  public DrainPlan getPlan() {
    return plan;
  }

  public DrainProgress getProgress() {
    return progress;
  }
}
