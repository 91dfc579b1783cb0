package io.pilothouse.scheduler.framework;

/**
 * The outcome of one scheduling cycle: the chosen node, or a {@link FitError} (no node fits: the
 * pod is unschedulable), or an error status (a plugin failed: the pod is retried with backoff).
 * Exactly one of the three is set.
 *
 * @param evaluatedNodes nodes the filters ran on
 * @param feasibleNodes nodes that passed every filter
 */
public record ScheduleResult(
    String suggestedHost, int evaluatedNodes, int feasibleNodes, FitError fitError, Status error) {

  public static ScheduleResult success(String host, int evaluatedNodes, int feasibleNodes) {
    return new ScheduleResult(host, evaluatedNodes, feasibleNodes, null, null);
  }

  public static ScheduleResult unschedulable(FitError fitError) {
    return new ScheduleResult(null, fitError.numAllNodes(), 0, fitError, null);
  }

  public static ScheduleResult error(Status error) {
    return new ScheduleResult(null, 0, 0, null, error);
  }

  public boolean isSuccess() {
    return suggestedHost != null;
  }
}
