package io.pilothouse.scheduler.framework;

import java.util.List;
import java.util.Objects;

/**
 * The result of one plugin at one extension point, as upstream's {@code framework.Status}: expected
 * outcomes (a node that does not fit, a plugin with nothing to score) are codes with human-readable
 * reasons, never exceptions. The reasons of rejecting statuses are what the {@link FitError} counts
 * into "0/3 nodes are available: …".
 */
public final class Status {

  /** Status codes, in upstream's meaning. */
  public enum Code {
    /** The plugin ran and the pod may proceed. */
    SUCCESS,
    /** Something unexpected went wrong; the pod goes to the backoff queue. */
    ERROR,
    /** The node does not fit now, but could if other pods were removed (preemption). */
    UNSCHEDULABLE,
    /** The node does not fit and removing pods would not change that. */
    UNSCHEDULABLE_AND_UNRESOLVABLE,
    /** The plugin has nothing to do for this pod; its later extension points are skipped. */
    SKIP
  }

  private static final Status SUCCESS = new Status(Code.SUCCESS, List.of(), null, null);
  private static final Status SKIP = new Status(Code.SKIP, List.of(), null, null);

  private final Code code;
  private final List<String> reasons;
  private final String plugin;
  private final Throwable cause;

  private Status(Code code, List<String> reasons, String plugin, Throwable cause) {
    this.code = code;
    this.reasons = reasons;
    this.plugin = plugin;
    this.cause = cause;
  }

  public static Status success() {
    return SUCCESS;
  }

  public static Status skip() {
    return SKIP;
  }

  public static Status unschedulable(String... reasons) {
    return new Status(Code.UNSCHEDULABLE, List.of(reasons), null, null);
  }

  public static Status unschedulable(List<String> reasons) {
    return new Status(Code.UNSCHEDULABLE, List.copyOf(reasons), null, null);
  }

  public static Status unschedulableAndUnresolvable(String... reasons) {
    return new Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, List.of(reasons), null, null);
  }

  public static Status error(String message) {
    return new Status(Code.ERROR, List.of(message), null, null);
  }

  public static Status error(String message, Throwable cause) {
    return new Status(Code.ERROR, List.of(message), null, cause);
  }

  /** The same status, attributed to the plugin that returned it. */
  public Status withPlugin(String pluginName) {
    if (Objects.equals(pluginName, plugin)) {
      return this;
    }
    return new Status(code, reasons, pluginName, cause);
  }

  public Code code() {
    return code;
  }

  public List<String> reasons() {
    return reasons;
  }

  /** The plugin that returned this status, or null if not attributed. */
  public String plugin() {
    return plugin;
  }

  /** The exception behind an {@link Code#ERROR}, or null. */
  public Throwable cause() {
    return cause;
  }

  public boolean isSuccess() {
    return code == Code.SUCCESS;
  }

  public boolean isSkip() {
    return code == Code.SKIP;
  }

  /** Whether the status rejects the pod (either unschedulable code). */
  public boolean isRejected() {
    return code == Code.UNSCHEDULABLE || code == Code.UNSCHEDULABLE_AND_UNRESOLVABLE;
  }

  /** The reasons joined by ", ", as upstream's {@code Status.Message()}. */
  public String message() {
    return String.join(", ", reasons);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Status that
        && code == that.code
        && reasons.equals(that.reasons)
        && Objects.equals(plugin, that.plugin);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, reasons, plugin);
  }

  @Override
  public String toString() {
    return code + (plugin == null ? "" : "(" + plugin + ")") + (reasons.isEmpty() ? "" : reasons);
  }
}
