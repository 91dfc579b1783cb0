package io.pilothouse.dashboard;

import java.io.Serializable;
import java.util.List;

/**
 * How far a drain has come: pods evicted so far, evictions refused with the reason (as a
 * PodDisruptionBudget refusal would be reported), and whether it has finished.
 */
public record DrainProgress(
    String node, int total, List<String> evicted, List<String> refused, boolean done)
    implements Serializable {

  public DrainProgress {
    evicted = List.copyOf(evicted);
    refused = List.copyOf(refused);
  }

  /** e.g. {@code node-2: 5 of 7 pods evicted, 1 refused}. */
  public String summary() {
    return node
        + ": "
        + evicted.size()
        + " of "
        + total
        + " pods evicted"
        + (refused.isEmpty() ? "" : ", " + refused.size() + " refused")
        + (done ? "" : " …");
  }

  /** Percent of the pods handled, for a progress bar. */
  public int percent() {
    return total == 0 ? 100 : (evicted.size() + refused.size()) * 100 / total;
  }
}
