package io.pilothouse.dashboard;

import java.io.Serializable;
import java.util.List;

/**
 * How far a drain has come: pods evicted so far, evictions refused with the reason (as a
 * PodDisruptionBudget refusal would be reported), evicted pods still terminating on the node, and
 * whether it has finished (every eviction asked, and the evicted pods gone or the wait over).
 */
public record DrainProgress(
    String node,
    int total,
    List<String> evicted,
    List<String> refused,
    int terminating,
    boolean done)
    implements Serializable {

  public DrainProgress {
    evicted = List.copyOf(evicted);
    refused = List.copyOf(refused);
  }

  /** Before the first eviction. */
  public static DrainProgress starting(String node, int total) {
    return new DrainProgress(node, total, List.of(), List.of(), 0, false);
  }

  /** The same progress with {@code terminating} pods left and the given finished state. */
  public DrainProgress waiting(int stillTerminating, boolean finished) {
    return new DrainProgress(node, total, evicted, refused, stillTerminating, finished);
  }

  /** This progress, finished, with why the drain stopped added to the refusals. */
  public DrainProgress failed(String reason) {
    List<String> all = new java.util.ArrayList<>(refused);
    all.add("drain stopped: " + reason);
    return new DrainProgress(node, total, evicted, all, terminating, true);
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
        + (terminating == 0
            ? ""
            : ", "
                + terminating
                + (done ? " not terminated yet (is the node's kubelet running?)" : " terminating"))
        + (done ? "" : " …");
  }

  /** Percent of the pods handled, for a progress bar. */
  public int percent() {
    return total == 0 ? 100 : (evicted.size() + refused.size()) * 100 / total;
  }
}
