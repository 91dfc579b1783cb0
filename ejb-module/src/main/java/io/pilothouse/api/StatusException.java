package io.pilothouse.api;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A failure the API server reports to its client as a Kubernetes {@code Status}: the HTTP code, the
 * machine-readable reason ({@code NotFound}, {@code Conflict}, {@code Invalid}...) and, for
 * validation failures, one cause per bad field.
 *
 * <p>Thrown out of an EJB it rolls the transaction back and reaches the caller unwrapped, so no
 * failed request leaves a partial write.
 */
@ApplicationException(rollback = true)
public class StatusException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int code;
  private final String reason;
  private final transient StatusDetails details;

  public StatusException(int code, String reason, String message) {
    this(code, reason, message, null);
  }

  public StatusException(int code, String reason, String message, StatusDetails details) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.details = details;
  }

  public int code() {
    return code;
  }

  public String reason() {
    return reason;
  }

  /** The object the failure is about and the per-field causes, or null. */
  public StatusDetails details() {
    return details;
  }

  /** Which object a Status is about, and the per-field causes of an {@code Invalid} reply. */
  public record StatusDetails(String group, String kind, String name, List<Cause> causes) {}

  /** One field's failure, as in {@code metav1.StatusCause}. */
  public record Cause(String reason, String message, String field) {}
}
