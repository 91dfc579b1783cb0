package io.pilothouse.dashboard;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Backs the drain confirmation shared by the nodes list and node detail: the plan names what the
 * drain will do ("Drain node-2: cordon it and evict 7 pods") before the user confirms; the outcome
 * lists evicted and refused pods.
 */
@Named
@ViewScoped
public class DrainDialog implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private NodeActions nodes;
  @Inject private CurrentUser user;

  private DrainPlan plan;
  private DrainProgress progress;

  public void prepare(String node) {
    progress = null;
    Feedback.run(null, () -> plan = nodes.drainPlan(node));
  }

  public void drain() {
    if (plan == null) {
      return;
    }
    String node = plan.node();
    Feedback.run(
        null, () -> progress = nodes.drain(node, user.principal(), step -> progress = step));
    if (progress != null) {
      Feedback.info(progress.summary());
      progress.refused().forEach(r -> Feedback.error("Eviction refused: " + r));
    }
  }

  public DrainPlan getPlan() {
    return plan;
  }

  public DrainProgress getProgress() {
    return progress;
  }
}
